using GenPro.Sdk.Serialization;
using Refit;

namespace GenPro.Sdk.Operations;

/// <summary>
/// The one Refit configuration of the SDK: source-generated JSON only, and transport exceptions passed through
/// unwrapped so <see cref="OperationRunner"/> sees the real cause (Refit would wrap it in its own type).
/// </summary>
internal static class RefitSetup
{
    public static readonly RefitSettings Settings = Create();

    private static RefitSettings Create()
    {
        var settings = RefitSettings.ForJsonContext(GenProJsonContext.Default);
        settings.TransportExceptionFactory = static (_, exception, _) => exception;
        return settings;
    }
}
