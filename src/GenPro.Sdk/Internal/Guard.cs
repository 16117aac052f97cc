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

    /// <summary>
    /// Refuses text with a lone UTF-16 surrogate (half of a character such as an emoji, left by cutting a string at the
    /// wrong index): UTF-8 cannot carry it, and the encoder would silently send U+FFFD instead. Null passes.
    /// </summary>
    public static void WellFormed(string? value, string paramName, string what)
    {
        if (value is not null && !IsWellFormed(value))
        {
            throw new ArgumentException($"{what} is not well-formed UTF-16 (it has a lone surrogate), so it cannot be sent as UTF-8.", paramName);
        }
    }

    /// <summary>
    /// <see cref="WellFormed(string?, string, string)"/> for the property <paramref name="property"/> of
    /// <paramref name="owner"/> (<c>CreateAgentRequest.Name</c>): the name is put together only when it is quoted.
    /// </summary>
    public static void WellFormed(string? value, string paramName, string owner, string property)
    {
        if (value is not null && !IsWellFormed(value))
        {
            WellFormed(value, paramName, owner + "." + property);
        }
    }

    /// <summary>Whether every surrogate in <paramref name="text"/> is half of a pair.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
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
