/* Load generators for bench/runtime.sh (built with the system C compiler at bench time):
 *   runtime_load open N PATH   open()+close() PATH N times, print ns per iteration: wall
 *                                 time, then the loop's CPU time (user + system)
 *   runtime_load exec RATE SECS [BIN]   posix_spawn BIN (default /bin/true; the benches pass
 *                                 a static 3-instruction program, bench/runtime_tiny.c) at
 *                                 about RATE per second for SECS, one at a time; print
 *                                 how many ran and the rate reached. glibc's posix_spawn is
 *                                 clone(CLONE_VM|CLONE_VFORK)+exec: no page tables copied, so
 *                                 the storm is limited by exec itself, not by fork
 *   runtime_load paced RATE SECS PATH   open()+close() PATH at about RATE per second for SECS
 *                                 (batches of 100, paced on the clock), print opens and rate */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "open") == 0) {
        long n = atol(argv[2]);
        double t0 = now();
        for (long i = 0; i < n; i++) {
            int fd = open(argv[3], O_RDONLY | O_CLOEXEC);
            if (fd >= 0) close(fd);
        }
        /* Wall time, then the loop's own CPU time (user + system) per iteration: on a shared
         * machine the wall time also holds the time other processes ran on this CPU. */
        double wall = (now() - t0) * 1e9 / n;
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        double cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e9 +
                     (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e3;
        printf("%.1f %.1f\n", wall, cpu / n);
        return 0;
    }
    if ((argc == 4 || argc == 5) && strcmp(argv[1], "exec") == 0) {
        double rate = atof(argv[2]), secs = atof(argv[3]);
        char *bin = argc == 5 ? argv[4] : "/bin/true";
        char *cargv[] = {"true", 0};
        char *cenv[] = {0};
        double t0 = now();
        long done = 0;
        /* One child at a time, waited for by pid: a crowd of runnable children competing
         * with the parent (and wait(-1) scanning them) cut the rate by 4 on this machine. */
        while (now() - t0 < secs) {
            double due = (now() - t0) * rate;
            while (done < due && now() - t0 < secs) {
                pid_t p;
                if (posix_spawn(&p, bin, 0, 0, cargv, cenv) != 0) continue;
                done++;
                waitpid(p, 0, 0);
            }
            usleep(200);
        }
        printf("%ld %.1f\n", done, done / (now() - t0));
        return 0;
    }
    if (argc == 5 && strcmp(argv[1], "paced") == 0) {
        double rate = atof(argv[2]), secs = atof(argv[3]);
        double t0 = now(), t;
        long done = 0;
        while ((t = now() - t0) < secs) {
            if (done >= t * rate) {
                continue;
            }
            for (int i = 0; i < 100; i++) {
                int fd = open(argv[4], O_RDONLY | O_CLOEXEC);
                if (fd >= 0) close(fd);
            }
            done += 100;
        }
        printf("%ld %.1f\n", done, done / (now() - t0));
        return 0;
    }
    fprintf(stderr, "usage: runtime_load open N PATH | exec RATE SECS [BIN] | paced RATE SECS PATH\n");
    return 2;
}
