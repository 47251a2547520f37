package org.inkling.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserFoldersTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxFollowsXdgAndIgnoresRelativeOrEmptyValues() {
        assertThat(UserFolders.of(null, Map.of(), "Linux", HOME))
                .isEqualTo(new UserFolders(Path.of("/home/ada/.config/inkling"), Path.of("/home/ada/.local/share/inkling")));
        assertThat(UserFolders.of(null, Map.of("XDG_CONFIG_HOME", "/x/cfg", "XDG_DATA_HOME", "/x/data"), "Linux", HOME))
                .isEqualTo(new UserFolders(Path.of("/x/cfg/inkling"), Path.of("/x/data/inkling")));
        assertThat(UserFolders.of(null, Map.of("XDG_DATA_HOME", "rel", "XDG_CONFIG_HOME", ""), "Linux", HOME).data())
                .isEqualTo(Path.of("/home/ada/.local/share/inkling"));
    }

    @Test
    void windowsMacAndAnOverride() {
        assertThat(UserFolders.of(null, Map.of("APPDATA", "/r", "LOCALAPPDATA", "/l"), "Windows 11", HOME))
                .isEqualTo(new UserFolders(Path.of("/r/Inkling"), Path.of("/l/Inkling")));
        assertThat(UserFolders.of(null, Map.of(), "Mac OS X", HOME).data())
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Inkling"));
        assertThat(UserFolders.of("/tmp/t", Map.of("XDG_DATA_HOME", "/x"), "Linux", HOME))
                .isEqualTo(new UserFolders(Path.of("/tmp/t/config"), Path.of("/tmp/t/data")));
    }
}
