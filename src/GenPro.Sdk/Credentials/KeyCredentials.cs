namespace GenPro.Sdk.Credentials;

/// <summary>Where a client built without dependency injection reads its key: a fixed option or a rotating credential.</summary>
internal static class KeyCredentials
{
    public static Func<string?> Source(GenProClientOptions options, GenProKeyCredential? credential)
    {
        if (credential is not null)
        {
            return () => credential.Key;
        }

        var key = options.ApiKey; // read once, as the options documentation promises
        return () => key;
    }

    /// <summary>
    /// The options to validate: with a credential, the same settings carrying its key (the key rule is then met), and
    /// a key set in both places is refused rather than one of them silently ignored.
    /// </summary>
    public static GenProClientOptions OptionsToValidate(GenProClientOptions options, GenProKeyCredential? credential, string paramName)
    {
        ArgumentNullException.ThrowIfNull(options, paramName);
        if (credential is null)
        {
            return options;
        }

        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            throw new ArgumentException(
                "GenProClientOptions.ApiKey must be left unset when a GenProKeyCredential supplies the key.", paramName);
        }

        return new GenProClientOptions
        {
            ApiKey = credential.Key,
            BaseAddress = options.BaseAddress,
            Timeout = options.Timeout,
            MaxResponseBodySize = options.MaxResponseBodySize,
            Retry = options.Retry,
            ApplicationId = options.ApplicationId,
        };
    }
}
