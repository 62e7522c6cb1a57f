namespace Returns.Sdk;

/// <summary>
/// Input (an order, a policy document, a request) was rejected; <see cref="Errors"/> lists every mistake found.
/// </summary>
public sealed class ReturnsValidationException : ReturnsException
{
    /// <summary>Creates the exception from the mistakes found.</summary>
    /// <param name="errors">At least one error.</param>
    public ReturnsValidationException(IReadOnlyList<ValidationError> errors)
        : base(Describe(errors))
    {
        Errors = [.. errors];
    }

    /// <summary>Creates the exception for a single mistake.</summary>
    /// <param name="path">Where the mistake is.</param>
    /// <param name="message">What is wrong.</param>
    public ReturnsValidationException(string path, string message)
        : this([new ValidationError(path, message)])
    {
    }

    /// <summary>Every mistake found, in document order.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one validation error is required.", nameof(errors));
        }

        return errors.Count == 1
            ? errors[0].ToString()
            : $"{errors.Count} validation errors:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors);
    }
}
