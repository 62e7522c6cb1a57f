using Returns.Sdk;

namespace Returns.Cli;

/// <summary>Turns an exception escaping a command into lines on standard error and an exit code.</summary>
internal static class ErrorReporter
{
    /// <summary>Reports an exception.</summary>
    /// <param name="exception">What escaped the command.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The exit code: <see cref="ExitCodes.UsageError"/> for input the user can fix, <see cref="ExitCodes.Failure"/> otherwise.</returns>
    public static int Report(Exception exception, TextWriter error)
    {
        switch (exception)
        {
            case ReturnsValidationException validation:
                foreach (var problem in validation.Errors)
                {
                    error.WriteLine(problem.ToString());
                }

                return ExitCodes.UsageError;

            case CurrencyMismatchException mismatch:
                error.WriteLine($"error: {mismatch.Message}");
                return ExitCodes.UsageError;

            case FileNotFoundException notFound:
                error.WriteLine($"error: file not found: {notFound.FileName ?? notFound.Message}");
                return ExitCodes.UsageError;

            case DirectoryNotFoundException or UnauthorizedAccessException:
                error.WriteLine($"error: {exception.Message}");
                return ExitCodes.UsageError;

            case OperationCanceledException:
                error.WriteLine("error: cancelled.");
                return ExitCodes.Cancelled;

            default:
                error.WriteLine($"error: unexpected failure ({exception.GetType().Name}): {exception.Message}");
                return ExitCodes.Failure;
        }
    }
}
