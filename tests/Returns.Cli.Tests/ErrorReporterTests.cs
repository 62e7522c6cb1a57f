using Returns.Sdk;

namespace Returns.Cli.Tests;

public sealed class ErrorReporterTests
{
    [Fact]
    public void Report_ValidationErrors_WritesOneLinePerErrorAndReturnsTwo()
    {
        using var stderr = new StringWriter();
        var exception = new ReturnsValidationException(
        [
            new ValidationError("$.a", "is wrong.") { Source = "x.json", Line = 2, Column = 5 },
            new ValidationError("$.b", "is missing."),
        ]);

        var exitCode = ErrorReporter.Report(exception, stderr);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal(["x.json(2,5): $.a: is wrong.", "$.b: is missing."], stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Report_UnexpectedException_ReturnsOneWithoutStackTrace()
    {
        using var stderr = new StringWriter();
        Exception thrown;
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException exception)
        {
            thrown = exception;
        }

        var exitCode = ErrorReporter.Report(thrown, stderr);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal($"error: unexpected failure (InvalidOperationException): boom{Environment.NewLine}", stderr.ToString());
    }
}
