package io.newsflow.localstack;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The mark the launcher puts on the command line of every process it starts: {@code -Dnewsflow.pid-file=<file>},
 * the file that records the process's pid. Pids are reused (after a reboot a recorded pid may belong to anyone), so a
 * recorded pid counts as the launcher's process only while the process holding it carries this mark
 * ({@link RecordedProcess#of}); only such a process is signalled or reported as running.
 *
 * @param argument the command-line argument itself
 */
record ProcessMark(String argument) {

    /** The mark of the process whose pid {@code pidFile} records; the same for any spelling of the folder's path. */
    static ProcessMark forPidFile(Path pidFile) {
        Path absolute = pidFile.toAbsolutePath().normalize();
        Path folder;
        try {
            folder = absolute.getParent().toRealPath();
        } catch (IOException e) {
            folder = absolute.getParent(); // nothing started there yet
        }
        return new ProcessMark("-Dnewsflow.pid-file=" + folder.resolve(absolute.getFileName()));
    }
}
