using Returns.Sdk.Lifecycle;
using Returns.Storage.Testing.Internal;

namespace Returns.Storage.Testing;

/// <summary>
/// The checks every <see cref="IReturnStore"/> must pass, runnable from any test framework: atomic commits, stale-version
/// rejection, lookups, history, attachments, idempotency claims, the outbox, and the same under 50 concurrent callers.
/// Run one check per test (<see cref="CheckNames"/> with <see cref="RunCheckAsync"/>) to see each result, or all with <see cref="RunAllAsync"/>.
/// </summary>
public static class ReturnStoreConformance
{
    /// <summary>The names of the checks, stable across versions.</summary>
    public static IReadOnlyList<string> CheckNames { get; } = [.. StoreChecks.All.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Runs one check against a fresh, empty store.</summary>
    /// <param name="name">One of <see cref="CheckNames"/>.</param>
    /// <param name="createEmptyStore">Makes a new empty store; called once per check.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>A task that completes when the check passed.</returns>
    /// <exception cref="ReturnStoreConformanceException">The store broke the contract; the message says what was expected and found.</exception>
    /// <exception cref="ArgumentException">An unknown check.</exception>
    public static async Task RunCheckAsync(string name, Func<CancellationToken, Task<IReturnStore>> createEmptyStore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(createEmptyStore);
        if (!StoreChecks.All.TryGetValue(name, out var check))
        {
            throw new ArgumentException($"Unknown check '{name}'; see ReturnStoreConformance.CheckNames.", nameof(name));
        }

        var store = await createEmptyStore(cancellationToken).ConfigureAwait(false);
        try
        {
            await check(store, cancellationToken).ConfigureAwait(false);
        }
        catch (ReturnStoreConformanceException ex) when (ex.Check is null)
        {
            throw new ReturnStoreConformanceException(name, ex.Message);
        }
        finally
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>Runs every check, each on a fresh store, and reports the failures.</summary>
    /// <param name="createEmptyStore">Makes a new empty store.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>One line per failed check; empty when the store conforms.</returns>
    public static async Task<IReadOnlyList<ReturnStoreConformanceException>> RunAllAsync(Func<CancellationToken, Task<IReturnStore>> createEmptyStore, CancellationToken cancellationToken = default)
    {
        var failures = new List<ReturnStoreConformanceException>();
        foreach (var name in CheckNames)
        {
            try
            {
                await RunCheckAsync(name, createEmptyStore, cancellationToken).ConfigureAwait(false);
            }
            catch (ReturnStoreConformanceException ex)
            {
                failures.Add(ex);
            }
        }

        return failures;
    }
}

/// <summary>A store broke the <see cref="IReturnStore"/> contract.</summary>
public sealed class ReturnStoreConformanceException : Exception
{
    /// <summary>Creates the failure.</summary>
    /// <param name="check">The check, when known.</param>
    /// <param name="message">What was expected and what was found.</param>
    public ReturnStoreConformanceException(string? check, string message)
        : base(check is null ? message : $"{check}: {message}")
    {
        Check = check;
    }

    /// <summary>The check that failed.</summary>
    public string? Check { get; }
}
