package io.newsflow.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnprivilegedUserTest {

    @Test
    void aFolderPrivateToRootIsRefusedAtOnceWithTheFix(@TempDir Path temp) throws Exception {
        Path home = Files.createDirectory(temp.resolve("home"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path stack = Files.createDirectories(home.resolve("stack"));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        boolean root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;

        Optional<UnprivilegedUser> user = UnprivilegedUser.whenRoot();

        // only root hands Elasticsearch to another user; anyone else runs it as themselves and needs no check
        assertThat(user.isPresent()).isEqualTo(root);
        if (user.isPresent()) {
            assertThatThrownBy(() -> user.get().checkCanEnter(stack))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("chmod o+x " + home);
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx--x--x"));
            user.get().checkCanEnter(stack);
        }
    }
}
