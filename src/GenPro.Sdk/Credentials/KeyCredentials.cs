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
}
