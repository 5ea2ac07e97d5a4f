/* Load generators for bench/runtime.sh (built with the system C compiler at bench time):
 *   runtime_load open N PATH   open()+close() PATH N times, print ns per iteration
 *   runtime_load exec RATE SECS   fork+exec /bin/true at about RATE per second for SECS,
 *                                 print how many ran
 *   runtime_load paced RATE SECS PATH   open()+close() PATH at about RATE per second for SECS
 *                                 (batches of 100, paced on the clock), print opens and rate */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
        printf("%.1f\n", (now() - t0) * 1e9 / n);
        return 0;
    }
    if (argc == 4 && strcmp(argv[1], "exec") == 0) {
        double rate = atof(argv[2]), secs = atof(argv[3]);
        double t0 = now();
        long done = 0, live = 0;
        while (now() - t0 < secs) {
            double due = (now() - t0) * rate;
            while (done < due && now() - t0 < secs) {
                pid_t p = fork();
                if (p == 0) {
                    execl("/bin/true", "true", (char *)0);
                    _exit(127);
                }
                if (p > 0) { done++; live++; }
                while (live > 0 && waitpid(-1, 0, WNOHANG) > 0) live--;
            }
            while (live > 0 && waitpid(-1, 0, WNOHANG) > 0) live--;
            usleep(200);
        }
        while (live > 0 && waitpid(-1, 0, 0) > 0) live--;
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
    fprintf(stderr, "usage: runtime_load open N PATH | exec RATE SECS | paced RATE SECS PATH\n");
    return 2;
}
