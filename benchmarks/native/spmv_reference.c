/* A C reference for the bandwidth question of issue 3: the same pull SpMV as PageRankKernel's inner loop
 * (r[v] = sum over the sorted CSR row v of y[t]), on the same undirected graph, compiled with gcc -O3 -march=native
 * and OpenMP. It shows what the hardware allows for this gather-bound kernel, independent of .NET.
 *
 *   gcc -O3 -march=native -fopenmp benchmarks/native/spmv_reference.c -o /tmp/spmv_reference
 *   /tmp/spmv_reference scratch/ba-1m.txt [natural|degree|bfs]
 *
 * natural: the file's node ids; degree: nodes relabelled by decreasing degree (ties by id); bfs: relabelled in
 * breadth-first order. Prints the best of 30 runs for 1 and 2 threads, and GB/s under the docs' 60 MB byte model
 * (offsets 4(n+1) + columns 4 nnz + x 8n + y 8n). */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static const int *deg_of; /* for cmp_degree */
static int cmp_degree(const void *a, const void *b) {
    int u = *(const int *)a, v = *(const int *)b;
    if (deg_of[u] != deg_of[v]) return deg_of[v] - deg_of[u];
    return (u > v) - (u < v);
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: spmv_reference edges.txt [natural|degree|bfs]\n"); return 2; }
    const char *ordering = argc > 2 ? argv[2] : "natural";
    FILE *f = fopen(argv[1], "r");
    if (!f) { perror(argv[1]); return 2; }
    size_t cap = 1 << 20, m = 0; int n = 0;
    int *s = malloc(cap * sizeof(int)), *t = malloc(cap * sizeof(int));
    int a, b;
    while (fscanf(f, "%d %d", &a, &b) == 2) {
        if (m == cap) { cap *= 2; s = realloc(s, cap * sizeof(int)); t = realloc(t, cap * sizeof(int)); }
        s[m] = a; t[m] = b; m++;
        if (a >= n) n = a + 1;
        if (b >= n) n = b + 1;
    }
    fclose(f);
    int *deg = calloc(n, sizeof(int));
    for (size_t i = 0; i < m; i++) { deg[s[i]]++; deg[t[i]]++; }
    int *perm = malloc(n * sizeof(int)), *order = malloc(n * sizeof(int));
    for (int v = 0; v < n; v++) order[v] = v;
    if (strcmp(ordering, "degree") == 0) { deg_of = deg; qsort(order, n, sizeof(int), cmp_degree); }
    /* bfs is done after the CSR exists (below) */
    for (int i = 0; i < n; i++) perm[order[i]] = i;
    int *off = calloc((size_t)n + 1, sizeof(int));
    for (int v = 0; v < n; v++) off[perm[v] + 1] = deg[v];
    for (int v = 0; v < n; v++) off[v + 1] += off[v];
    int *pos = malloc(n * sizeof(int)); memcpy(pos, off, n * sizeof(int));
    int *tg = malloc((size_t)off[n] * sizeof(int));
    for (size_t i = 0; i < m; i++) { int u = perm[s[i]], w = perm[t[i]]; tg[pos[u]++] = w; tg[pos[w]++] = u; }
    if (strcmp(ordering, "bfs") == 0) {
        int *p2 = malloc(n * sizeof(int)), head = 0, tail = 0;
        for (int v = 0; v < n; v++) p2[v] = -1;
        for (int r = 0; r < n; r++) {
            if (p2[r] >= 0) continue;
            p2[r] = tail; order[tail++] = r;
            while (head < tail) { int u = order[head++]; for (int k = off[u]; k < off[u + 1]; k++) if (p2[tg[k]] < 0) { p2[tg[k]] = tail; order[tail++] = tg[k]; } }
        }
        int *off2 = malloc(((size_t)n + 1) * sizeof(int)), *tg2 = malloc((size_t)off[n] * sizeof(int));
        off2[0] = 0;
        for (int i = 0; i < n; i++) {
            int v = order[i], d = off[v + 1] - off[v];
            off2[i + 1] = off2[i] + d;
            for (int k = 0; k < d; k++) tg2[off2[i] + k] = p2[tg[off[v] + k]];
        }
        off = off2; tg = tg2;
    }
    for (int v = 0; v < n; v++) qsort(tg + off[v], off[v + 1] - off[v], sizeof(int), cmp_int);
    long nnz = off[n];
    double *y = malloc(n * sizeof(double)), *r = malloc(n * sizeof(double));
    for (int v = 0; v < n; v++) y[v] = 1.0 / n;
    printf("%s: n = %d, nnz = %ld, ordering %s\n", argv[1], n, nnz, ordering);
    for (int th = 1; th <= 2; th++) {
        omp_set_num_threads(th);
        double best = 1e30;
        for (int rep = 0; rep < 30; rep++) {
            double t0 = omp_get_wtime();
            #pragma omp parallel for schedule(static, 4096)
            for (int v = 0; v < n; v++) { double acc = 0; for (int k = off[v]; k < off[v + 1]; k++) acc += y[tg[k]]; r[v] = acc; }
            double dt = omp_get_wtime() - t0;
            if (dt < best) best = dt;
        }
        double bytes = 4.0 * (n + 1) + 4.0 * nnz + 16.0 * n;
        printf("threads %d: best %.2f ms = %.2f GB/s (%.1f MB model), checksum %.6f\n", th, best * 1e3, bytes / best / 1e9, bytes / 1e6, r[0] * n);
    }
    return 0;
}
