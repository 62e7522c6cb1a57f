using System.Collections.Concurrent;

namespace Returns.Sdk.Refunds;

/// <summary>
/// A payment platform held in memory for tests, demos and the CLI: it de-duplicates by idempotency key like a real
/// provider, records every call and every payment, and can be told to fail.
/// </summary>
public sealed class InMemoryRefundGateway : IRefundGateway
{
    private readonly ConcurrentDictionary<string, (RefundInstruction Instruction, RefundConfirmation Confirmation)> _paid = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RefundInstruction> _calls = new();
    private readonly ConcurrentQueue<RefundGatewayException> _failures = new();
    private readonly Lock _payLock = new();
    private int _sequence;

    /// <summary>Every call received, in order, including repeated ones.</summary>
    public IReadOnlyList<RefundInstruction> Calls => [.. _calls];

    /// <summary>The refunds actually paid, one per idempotency key.</summary>
    public IReadOnlyList<RefundInstruction> Payments => [.. _paid.Values.Select(p => p.Instruction).OrderBy(i => i.IdempotencyKey, StringComparer.Ordinal)];

    /// <summary>An optional hook run on every call before paying, e.g. to delay it or observe concurrency.</summary>
    public Func<RefundInstruction, CancellationToken, Task>? OnCall { get; set; }

    /// <summary>Makes the next calls fail with these exceptions, one per call, before anything is paid.</summary>
    /// <param name="failures">The failures, in order.</param>
    public void FailNext(params IEnumerable<RefundGatewayException> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        foreach (var failure in failures)
        {
            _failures.Enqueue(failure);
        }
    }

    /// <inheritdoc />
    public async Task<RefundConfirmation> RefundAsync(RefundInstruction instruction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        _calls.Enqueue(instruction);
        if (OnCall is { } onCall)
        {
            await onCall(instruction, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (_failures.TryDequeue(out var failure))
        {
            throw failure;
        }

        lock (_payLock)
        {
            if (_paid.TryGetValue(instruction.IdempotencyKey, out var earlier))
            {
                if (earlier.Instruction.Total != instruction.Total)
                {
                    throw new RefundGatewayException($"Idempotency key '{instruction.IdempotencyKey}' was used for {earlier.Instruction.Total} and is now sent with {instruction.Total}.", isTransient: false, "idempotency_key_reused");
                }

                return earlier.Confirmation;
            }

            var confirmation = new RefundConfirmation($"rf_{Interlocked.Increment(ref _sequence):D6}");
            _paid[instruction.IdempotencyKey] = (instruction, confirmation);
            return confirmation;
        }
    }
}
