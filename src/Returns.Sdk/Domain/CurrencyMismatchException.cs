namespace Returns.Sdk;

/// <summary>
/// Two amounts in different currencies were combined, or a currency is not covered where it must be.
/// </summary>
public sealed class CurrencyMismatchException : ReturnsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="expected">The currency that was required.</param>
    /// <param name="actual">The currency that was supplied.</param>
    /// <param name="message">What was being done, and where.</param>
    public CurrencyMismatchException(Currency expected, Currency actual, string message)
        : base(message)
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The currency that was required.</summary>
    public Currency Expected { get; }

    /// <summary>The currency that was supplied.</summary>
    public Currency Actual { get; }
}
