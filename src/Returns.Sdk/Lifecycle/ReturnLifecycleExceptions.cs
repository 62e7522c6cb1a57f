namespace Returns.Sdk.Lifecycle;

/// <summary>A change was made from a version of a return that is no longer current, or an RMA number is taken. Reload and decide again.</summary>
public sealed class ReturnConcurrencyException : ReturnsException
{
    /// <summary>Creates the error.</summary>
    /// <param name="rma">The return.</param>
    /// <param name="expectedVersion">The version the change was made from.</param>
    /// <param name="actualVersion">The stored version, when known.</param>
    public ReturnConcurrencyException(RmaNumber rma, long expectedVersion, long? actualVersion)
        : base(expectedVersion == 0
            ? $"Return {rma} already exists."
            : $"Return {rma} changed meanwhile: the change was made from version {expectedVersion}, the stored version is {actualVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}.")
    {
        Rma = rma;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The return.</summary>
    public RmaNumber Rma { get; }

    /// <summary>The version the change was made from; 0 for a creation.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The stored version, when known.</summary>
    public long? ActualVersion { get; }
}

/// <summary>A return was asked to make a move its state does not allow.</summary>
public sealed class IllegalReturnTransitionException : ReturnsException
{
    /// <summary>Creates the error.</summary>
    /// <param name="rma">The return.</param>
    /// <param name="from">Its state.</param>
    /// <param name="to">The state asked for.</param>
    public IllegalReturnTransitionException(RmaNumber rma, ReturnState from, ReturnState to)
        : base($"Return {rma} cannot move from {from} to {to}; from {from} it may move to {Describe(from)}.")
    {
        Rma = rma;
        From = from;
        To = to;
    }

    /// <summary>The return.</summary>
    public RmaNumber Rma { get; }

    /// <summary>Its state.</summary>
    public ReturnState From { get; }

    /// <summary>The state asked for.</summary>
    public ReturnState To { get; }

    private static string Describe(ReturnState from)
    {
        var next = ReturnStateMachine.NextStates(from);
        return next.Count == 0 ? "nothing (it is final)" : string.Join(", ", next);
    }
}

/// <summary>No return has the given number, order or tracking number.</summary>
public sealed class ReturnNotFoundException : ReturnsException
{
    /// <summary>Creates the error.</summary>
    /// <param name="rma">The number looked for.</param>
    public ReturnNotFoundException(RmaNumber rma)
        : base($"Return {rma} does not exist.")
    {
        Rma = rma;
    }

    /// <summary>The number looked for.</summary>
    public RmaNumber Rma { get; }
}

/// <summary>An idempotency key was sent again with a different request: a client bug, never retried silently.</summary>
public sealed class IdempotencyKeyReusedException : ReturnsException
{
    /// <summary>Creates the error.</summary>
    /// <param name="key">The key.</param>
    public IdempotencyKeyReusedException(IdempotencyKey key)
        : base($"Idempotency key '{key}' was already used for a different request; use a new key for a new request.")
    {
        Key = key;
    }

    /// <summary>The key.</summary>
    public IdempotencyKey Key { get; }
}

/// <summary>The store failed: unreachable, corrupted, a newer schema, or a file that is not a returns database.</summary>
public sealed class ReturnStoreException : ReturnsException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What failed and where (file or server, never credentials).</param>
    /// <param name="innerException">The driver's error.</param>
    public ReturnStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
