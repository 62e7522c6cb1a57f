using System.Collections.Concurrent;

namespace Returns.Carriers.Testing.Internal;

// A synchronization context with one thread, like a classic ASP.NET request or a UI thread: an adapter that blocks
// on its own asynchronous work deadlocks here instead of passing unnoticed on the thread pool.
internal sealed class SingleThreadedContext : SynchronizationContext
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

    public override void Post(SendOrPostCallback d, object? state)
    {
        try
        {
            _queue.Add((d, state));
        }
        catch (InvalidOperationException)
        {
            // The work has finished and the thread is gone; late continuations run on the pool.
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Send would block the only thread.");

    public static Task<bool> RunAsync(Func<Task> work, TimeSpan timeout)
    {
        var finished = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            var context = new SingleThreadedContext();
            SetSynchronizationContext(context);
            try
            {
                var task = work();
                task.ContinueWith(_ => context._queue.CompleteAdding(), TaskScheduler.Default);
                foreach (var (callback, state) in context._queue.GetConsumingEnumerable())
                {
                    callback(state);
                }

                finished.TrySetResult(true);
            }
#pragma warning disable CA1031 // The adapter's own failure is judged by other checks; here only completion matters.
            catch (Exception)
#pragma warning restore CA1031
            {
                finished.TrySetResult(true);
            }
            finally
            {
                context._queue.Dispose();
            }
        })
        {
            IsBackground = true,
            Name = "conformance single-threaded context",
        };
        thread.Start();
        return finished.Task.WaitAsync(timeout).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
    }
}
