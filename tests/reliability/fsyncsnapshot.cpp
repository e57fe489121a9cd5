// Power loss, simulated (tst_rel_powerloss): an LD_PRELOAD library that copies a SQLite state
// store aside every time the process makes it durable (fsync/fdatasync of the database or its
// log). After the process is killed, the latest copy is what a disk would hold had the power
// gone at that moment: every write not yet synced is lost, every synced one kept.
//
//   WEFT_FSYNC_SNAPSHOT_DB   the database file (its -wal and -journal are watched too)
//   WEFT_FSYNC_SNAPSHOT_DIR  where the copies go: <dir>/latest/{db,db-wal}, replaced whole
//                            (built in <dir>/next, then renamed) so a kill mid-copy leaves the
//                            previous copy intact

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

int watched(int fd)
{
    const char *db = getenv("WEFT_FSYNC_SNAPSHOT_DB");
    if (!db || !*db)
        return 0;
    char link[64], path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0)
        return 0;
    path[n] = 0;
    const size_t len = strlen(db);
    return strncmp(path, db, len) == 0 &&
           (path[len] == 0 || strcmp(path + len, "-wal") == 0 ||
            strcmp(path + len, "-journal") == 0);
}

void copyFile(const char *from, const char *to)
{
    const int in = open(from, O_RDONLY);
    if (in < 0)
        return; // e.g. no -wal yet
    const int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    char buffer[1 << 16];
    ssize_t n;
    while (out >= 0 && (n = read(in, buffer, sizeof buffer)) > 0) {
        if (write(out, buffer, size_t(n)) != n)
            break;
    }
    close(in);
    if (out >= 0)
        close(out);
}

void snapshot()
{
    const char *db = getenv("WEFT_FSYNC_SNAPSHOT_DB");
    const char *dir = getenv("WEFT_FSYNC_SNAPSHOT_DIR");
    if (!db || !dir)
        return;
    char next[PATH_MAX], latest[PATH_MAX], from[PATH_MAX], to[PATH_MAX], old[PATH_MAX];
    snprintf(next, sizeof next, "%s/next", dir);
    snprintf(latest, sizeof latest, "%s/latest", dir);
    snprintf(old, sizeof old, "%s/old", dir);
    mkdir(next, 0700);
    snprintf(to, sizeof to, "%s/db", next);
    copyFile(db, to);
    snprintf(from, sizeof from, "%s-wal", db);
    snprintf(to, sizeof to, "%s/db-wal", next);
    unlink(to);
    copyFile(from, to);
    // latest → old, next → latest, old removed: a reader sees latest or, for a moment, old.
    rename(latest, old);
    rename(next, latest);
    snprintf(to, sizeof to, "%s/db", old);
    unlink(to);
    snprintf(to, sizeof to, "%s/db-wal", old);
    unlink(to);
    rmdir(old);
}

int after(int fd, int rc)
{
    if (rc == 0 && watched(fd)) {
        const int saved = errno;
        pthread_mutex_lock(&g_lock);
        snapshot();
        pthread_mutex_unlock(&g_lock);
        errno = saved;
    }
    return rc;
}

} // namespace

extern "C" int fsync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = reinterpret_cast<int (*)(int)>(dlsym(RTLD_NEXT, "fsync"));
    return after(fd, real(fd));
}

extern "C" int fdatasync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = reinterpret_cast<int (*)(int)>(dlsym(RTLD_NEXT, "fdatasync"));
    return after(fd, real(fd));
}
