using GenPro.Sdk;
using GenPro.Sdk.Testing;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Points every GenPro client registered with <c>AddGenProClient</c> (unnamed, named and keyed, registered before or
/// after this call) at a fake API, for tests of an app that uses dependency injection, such as in
/// <c>WebApplicationFactory.WithWebHostBuilder(b =&gt; b.ConfigureTestServices(s =&gt; s.UseFakeGenProApi(fake)))</c>.
/// </summary>
/// <remarks>
/// It post-configures the options: it wins over the app's configuration (<c>GenPro:BaseAddress</c>) and over a primary
/// handler the app sets. Everything else of the client stays as the app registered it: its API key, retry policy,
/// handlers and logging.
/// </remarks>
public static class FakeGenProServiceCollectionExtensions
{
    /// <summary>
    /// Sends every GenPro client's requests to <paramref name="fake"/> in-process (no sockets), at
    /// <see cref="FakeGenProApi.DefaultBaseAddress"/>.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="fake">The fake to answer; seed it with a user (<see cref="FakeGenProApi.AddUser"/>) for each key the app is configured with.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="fake"/> is null.</exception>
    public static IServiceCollection UseFakeGenProApi(this IServiceCollection services, FakeGenProApi fake)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(fake);
        PointAt(services, FakeGenProApi.DefaultBaseAddress);
        services.AddSingleton<IPostConfigureOptions<HttpClientFactoryOptions>>(new FakePrimaryHandler(fake));
        return services;
    }

    /// <summary>Sends every GenPro client's requests over real HTTP to <paramref name="server"/>, through the SDK's own handler.</summary>
    /// <param name="services">The app's services.</param>
    /// <param name="server">The running fake server.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="server"/> is null.</exception>
    public static IServiceCollection UseFakeGenProApi(this IServiceCollection services, FakeGenProServer server)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(server);
        PointAt(services, server.BaseAddress);
        return services;
    }

    private static void PointAt(IServiceCollection services, Uri baseAddress) =>
        services.PostConfigureAll<GenProClientOptions>(options => options.BaseAddress = baseAddress);

    /// <summary>Replaces the primary handler of the SDK's HTTP clients (and of no other client) with the fake's.</summary>
    private sealed class FakePrimaryHandler(FakeGenProApi fake) : IPostConfigureOptions<HttpClientFactoryOptions>
    {
        public void PostConfigure(string? name, HttpClientFactoryOptions options)
        {
            if (IsGenProClient(name))
            {
                options.HttpMessageHandlerBuilderActions.Add(builder => builder.PrimaryHandler = fake.CreateHandler());
            }
        }

        /// <summary>
        /// The names <c>AddGenProClient</c> gives its HTTP clients: <c>GenPro.Sdk</c>, and <c>GenPro.Sdk:name</c> for a
        /// named client. The tests of this method break if the SDK renames them.
        /// </summary>
        private static bool IsGenProClient(string? name) =>
            name is not null && (name == "GenPro.Sdk" || name.StartsWith("GenPro.Sdk:", StringComparison.Ordinal));
    }
}
