using GenPro.Sdk.Http;
using Microsoft.Extensions.Http;

namespace GenPro.Sdk.DependencyInjection;

/// <summary>
/// Checks the primary handler of every GenPro client after all of the host's configuration has run, so a handler the
/// user sets with <c>ConfigurePrimaryHttpMessageHandler</c> after <c>AddGenProClient</c> is checked too: automatic
/// redirects are turned off on it (they would carry the key to another origin), or the client is refused.
/// </summary>
internal sealed class RedirectSafePrimaryHandlerFilter(IEnumerable<GenProClientName> clients) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (clients.Any(client => client.Name == builder.Name))
        {
            builder.PrimaryHandler = GenProPipeline.RefuseAutoRedirect(builder.PrimaryHandler);
        }
    };
}

/// <summary>The name of an <c>HttpClient</c> that carries the SDK's pipeline (one per <c>AddGenProClient</c> name).</summary>
internal sealed record GenProClientName(string Name);
