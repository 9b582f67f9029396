using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace GlocalNetworks.Kernels;

/// <summary>
/// A process-wide set of persistent worker threads that runs the chunks of one row kernel at a time, so that an
/// iterative kernel (a PageRank iteration, one SpMV) allocates nothing per call, unlike <c>Parallel.For</c>, which
/// allocates its task, closure and partitioner objects every time.
/// </summary>
/// <remarks>
/// <para>The workers (one fewer than the processor count, at least one) are background threads created on first use
/// and parked on a <see cref="ManualResetEventSlim"/> (which spins briefly before it blocks, so back-to-back iterations
/// find them awake). The calling thread takes part in the work. Chunks are claimed one at a time through an
/// interlocked counter; which thread runs a chunk never matters, because every chunk writes only its own outputs and
/// partials are combined by the caller in chunk order (DESIGN 3.5): the results are the same bits as with
/// <c>Parallel.For</c> or a sequential loop.</para>
/// <para>One job at a time: a call that finds the workers busy (another thread's kernel, or a chunk body that itself
/// calls <see cref="SpMV.ForEachChunk"/>) falls back to <c>Parallel.For</c>, which is correct but allocates.
/// Cancellation is checked before every chunk claim; a cancelled or failed job stops handing out chunks, waits for the
/// running ones and then throws <see cref="OperationCanceledException"/> or the body's first exception
/// (unwrapped).</para>
/// </remarks>
internal sealed class SpMVWorkers
{
    private static readonly Lazy<SpMVWorkers> SharedInstance =
        new(() => new SpMVWorkers(Math.Max(1, Environment.ProcessorCount - 1)), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ManualResetEventSlim[] _start;
    private readonly ManualResetEventSlim _done = new(false);
    private int _busy;
    private Action<int>? _body;
    private int _chunks;
    private int _next;
    private int _active;
    private CancellationToken _cancellationToken;
    private Exception? _error;

    private SpMVWorkers(int workers)
    {
        _start = new ManualResetEventSlim[workers];
        for (var i = 0; i < workers; i++)
        {
            _start[i] = new ManualResetEventSlim(false);
        }

        for (var i = 0; i < workers; i++)
        {
            var start = _start[i];
            var thread = new Thread(() => WorkerLoop(start))
            {
                IsBackground = true,
                Name = "GlocalNetworks SpMV worker " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            thread.Start();
        }
    }

    /// <summary>The process-wide worker set.</summary>
    public static SpMVWorkers Shared => SharedInstance.Value;

    /// <summary>The number of worker threads (the caller's own thread comes on top).</summary>
    public int WorkerCount => _start.Length;

    /// <summary>Runs <paramref name="body"/> for chunks 0 to <paramref name="chunks"/> - 1 on at most
    /// <paramref name="maxDegreeOfParallelism"/> threads (the caller's included).</summary>
    /// <param name="chunks">The number of chunks (at least 2).</param>
    /// <param name="maxDegreeOfParallelism">The thread limit (at least 2).</param>
    /// <param name="cancellationToken">Checked before every chunk.</param>
    /// <param name="body">The chunk body.</param>
    public void Run(int chunks, int maxDegreeOfParallelism, CancellationToken cancellationToken, Action<int> body)
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, body);
            return;
        }

        try
        {
            var helpers = Math.Min(Math.Min(maxDegreeOfParallelism, chunks) - 1, _start.Length);
            _body = body;
            _chunks = chunks;
            _next = -1;
            _cancellationToken = cancellationToken;
            _error = null;
            _done.Reset();

            // The job is open while _active > 0 (the caller counts as one); a worker joins by raising it from a positive
            // value, so once the caller's own decrement brings it to 0 no late worker can join, and the caller never
            // waits for a worker that was not scheduled in time (on a busy machine it may do every chunk itself).
            Volatile.Write(ref _active, 1);
            for (var i = 0; i < helpers; i++)
            {
                _start[i].Set();
            }

            Drain();
            if (Interlocked.Decrement(ref _active) != 0)
            {
                _done.Wait();
            }

            var error = _error;
            _body = null;
            _error = null;
            if (error is not null)
            {
                ExceptionDispatchInfo.Throw(error);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>Claims and runs chunks until none are left, the job is cancelled or a chunk has failed.</summary>
    private void Drain()
    {
        var body = _body!;
        while (!_cancellationToken.IsCancellationRequested && Volatile.Read(ref _error) is null)
        {
            var c = Interlocked.Increment(ref _next);
            if (c >= _chunks)
            {
                return;
            }

            try
            {
                body(c);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _error, e, null);
            }
        }
    }

    private bool TryJoin()
    {
        while (true)
        {
            var a = Volatile.Read(ref _active);
            if (a == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _active, a + 1, a) == a)
            {
                return true;
            }
        }
    }

    private void WorkerLoop(ManualResetEventSlim start)
    {
        while (true)
        {
            start.Wait();
            start.Reset();
            if (!TryJoin())
            {
                continue; // woke after the job was done: nothing to do
            }

            Drain();
            if (Interlocked.Decrement(ref _active) == 0)
            {
                _done.Set();
            }
        }
    }
}
