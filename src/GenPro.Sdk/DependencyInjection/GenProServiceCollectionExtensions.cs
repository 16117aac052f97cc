using GenPro.Sdk;
using GenPro.Sdk.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IGenProClient"/> and its endpoint clients in an ASP.NET Core or worker host.</summary>
/// <remarks>
/// The client is a singleton over <c>IHttpClientFactory</c>, with the same resilience policy as
/// <see cref="GenProClient"/>'s constructors. Options are validated when the host starts: a missing key or a
/// non-https address stops it with a message naming the setting. Calling a method again with the same name adds
/// configuration to the same client; it never adds a second pipeline.
/// </remarks>
/// <example>
/// <code>
/// builder.Services.AddGenProClient(builder.Configuration.GetSection("GenPro"));
/// // appsettings.json: { "GenPro": { "ApiKey": "gen_pat_…", "Retry": { "MaxRetries": 2 } } }
/// </code>
/// </example>
public static class GenProServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IGenProClient"/> and <see cref="IAgentsClient"/>, configured in code.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the options, such as the API key.</param>
    /// <returns>The builder of the underlying <see cref="HttpClient"/>, to add handlers or replace the primary handler.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddGenProClient(this IServiceCollection services, Action<GenProClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<GenProClientOptions>().Configure(configure);
        return GenProRegistration.Add(services, name: null);
    }

    /// <summary>Registers <see cref="IGenProClient"/> and <see cref="IAgentsClient"/>, bound to a configuration section.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The section holding the options, such as <c>Configuration.GetSection("GenPro")</c>.</param>
    /// <returns>The builder of the underlying <see cref="HttpClient"/>, to add handlers or replace the primary handler.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddGenProClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        GenProStartupValidation.Bind(services, Microsoft.Extensions.Options.Options.DefaultName, configuration);
        return GenProRegistration.Add(services, name: null);
    }

    /// <summary>
    /// Registers a named client, configured in code, as keyed services: inject it with
    /// <c>[FromKeyedServices("name")] IGenProClient</c> (or <see cref="IAgentsClient"/>). For several API keys.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="name">The client's name and service key.</param>
    /// <param name="configure">Sets the options, such as the API key.</param>
    /// <returns>The builder of the underlying <see cref="HttpClient"/>, to add handlers or replace the primary handler.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static IHttpClientBuilder AddGenProClient(this IServiceCollection services, string name, Action<GenProClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<GenProClientOptions>(name).Configure(configure);
        return GenProRegistration.Add(services, name);
    }

    /// <summary>
    /// Registers a named client, bound to a configuration section, as keyed services: inject it with
    /// <c>[FromKeyedServices("name")] IGenProClient</c> (or <see cref="IAgentsClient"/>). For several API keys.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="name">The client's name and service key.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <returns>The builder of the underlying <see cref="HttpClient"/>, to add handlers or replace the primary handler.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static IHttpClientBuilder AddGenProClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        GenProStartupValidation.Bind(services, name, configuration);
        return GenProRegistration.Add(services, name);
    }
}
