namespace GenPro.Sdk.Internal;

/// <summary>Argument checks made before any request is built, so an invalid call never reaches the network.</summary>
internal static class Guard
{
    public static void Id(long id, string paramName)
    {
        if (id <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, id, "GEN ids are positive integers.");
        }
    }

    public static void NotBlank(string? value, string paramName, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{what} must not be null, empty or white space.", paramName);
        }
    }

    /// <summary>Like <see cref="NotBlank"/> for optional values: null passes, blank does not.</summary>
    public static void NullOrNotBlank(string? value, string paramName, string what)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{what} must be null (not sent) or a non-blank value.", paramName);
        }
    }
}
