namespace Returns.Sdk;

/// <summary>
/// The root of every exception the SDK throws for misuse or infrastructure failure.
/// </summary>
/// <remarks>
/// Business outcomes (a denied return, a low grade, an unavailable option) are result values, never exceptions.
/// </remarks>
public class ReturnsException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong, and where.</param>
    public ReturnsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong, and where.</param>
    /// <param name="innerException">The underlying cause.</param>
    public ReturnsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
