namespace Returns.Storage.Testing.Internal;

internal static class Expect
{
    public static void True(bool condition, string message)
    {
        if (!condition)
        {
            throw new ReturnStoreConformanceException(null, message);
        }
    }

    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new ReturnStoreConformanceException(null, $"{what}: expected {expected?.ToString() ?? "null"}, found {actual?.ToString() ?? "null"}.");
        }
    }

    public static async Task<TException> Throws<TException>(Func<Task> action, string what)
        where TException : Exception
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (TException ex)
        {
            return ex;
        }
        catch (Exception ex)
        {
            throw new ReturnStoreConformanceException(null, $"{what}: expected {typeof(TException).Name}, got {ex.GetType().Name}: {ex.Message}");
        }

        throw new ReturnStoreConformanceException(null, $"{what}: expected {typeof(TException).Name}, but the call succeeded.");
    }
}
