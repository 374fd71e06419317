package io.newsflow.bench.chaos;

import io.newsflow.bench.corpus.GeneratedPage;
import io.newsflow.bench.stack.Inbox;
import io.newsflow.localstack.LocalStack;
import io.newsflow.localstack.NewsflowSystem;
import io.newsflow.localstack.ServiceProcess;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The running system as the faults see it: kill any of its processes as a crash would, freeze and thaw the node,
 * start and kill extra service instances, and start again whatever is down ({@code bin/newsflow up}).
 */
final class ChaosTarget {
    private static final System.Logger LOG = System.getLogger(ChaosTarget.class.getName());

    private final NewsflowSystem system;
    private final Inbox inbox;
    private final List<ServiceProcess> extraInstances = new ArrayList<>();

    ChaosTarget(NewsflowSystem system, Inbox inbox) {
        this.system = system;
        this.inbox = inbox;
    }

    /** A page dropped into the inbox as a newsroom would drop it. */
    void drop(GeneratedPage page) throws IOException {
        inbox.drop(page);
        LOG.log(System.Logger.Level.INFO, "dropped {0} ({1} bytes)", page.fileName(), Integer.toString(page.bytes().length));
    }

    NewsflowSystem system() {
        return system;
    }

    /** SIGKILL of a part ({@code kafka}, {@code elasticsearch} or a service) and wait until it is gone. */
    void kill(String part) throws Exception {
        kill(pid(part), part);
    }

    /** SIGSTOP ({@code freeze}) or SIGCONT of a part: the process stays, but answers nothing. */
    void signal(String part, String signal) throws IOException, InterruptedException {
        long pid = pid(part);
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " failed");
        }
        LOG.log(System.Logger.Level.INFO, "{0} (pid {1}) got SIG{2}", part, Long.toString(pid), signal);
    }

    /** What {@code bin/newsflow up} does: start whatever is not running and wait until all is ready. */
    void startWhatIsDown() throws IOException, InterruptedException {
        system.up();
    }

    /** A second instance of a service on a free port, ready when this returns. */
    ServiceProcess startInstance(String service, int port) throws IOException, InterruptedException {
        ServiceProcess instance = system.startInstance(service, 2, port);
        extraInstances.add(instance);
        return instance;
    }

    /** SIGKILL of the extra instances started so far. */
    void killExtraInstances() throws Exception {
        for (ServiceProcess instance : extraInstances) {
            kill(instance.runningPid().orElseThrow(() -> new IllegalStateException(instance.name() + " is not running")),
                    instance.name());
            instance.stop(); // removes its pid file
        }
        extraInstances.clear();
    }

    private long pid(String part) throws IOException {
        for (ServiceProcess service : system.services()) {
            if (service.name().equals(part)) {
                return service.runningPid().orElseThrow(() -> new IllegalStateException(part + " is not running"));
            }
        }
        Long pid = LocalStack.processes(system.options().stackDir()).get(part);
        if (pid == null) {
            throw new IllegalArgumentException("no part " + part);
        }
        return pid;
    }

    private static void kill(long pid, String name) throws Exception {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is gone"));
        process.destroyForcibly();
        process.onExit().get(60, TimeUnit.SECONDS);
        LOG.log(System.Logger.Level.INFO, "{0} (pid {1}) killed", name, Long.toString(pid));
    }
}
