namespace Returns.Sdk.Locations;

/// <summary>
/// Opening hours text is outside the supported subset of the OpenStreetMap <c>opening_hours</c> syntax;
/// <see cref="Position"/> says where, the message says what is wrong and what is supported.
/// </summary>
public sealed class OpeningHoursFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="position">The 1-based character position of the problem in the text.</param>
    /// <param name="reason">What is wrong there, without the position.</param>
    public OpeningHoursFormatException(int position, string reason)
        : base($"at position {position}: {reason}")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(position);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Position = position;
        Reason = reason;
    }

    /// <summary>The 1-based character position of the problem in the text.</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the position (the message is <c>at position N: reason</c>).</summary>
    public string Reason { get; }
}
