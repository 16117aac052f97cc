using GenPro.Sdk.Http;
using GenPro.Sdk.Http.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenPro.Sdk.DependencyInjection;

/// <summary>What every <c>AddGenProClient</c> overload registers once options are configured.</summary>
internal static class GenProRegistration
{
    public static IHttpClientBuilder Add(IServiceCollection services, string? name)
    {
        var optionsName = name ?? Options.DefaultName;
        var clientName = name is null ? "GenPro.Sdk" : "GenPro.Sdk:" + name;

        services.AddOptions<GenProClientOptions>(optionsName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenProClientOptions>, GenProClientOptionsValidator>());

        // A second call for the same name returns the same builder; adding handlers again would stack two policies.
        if (services.Any(d => d.ServiceType == typeof(Marker) && d.ImplementationInstance is Marker m && m.ClientName == clientName))
        {
            return services.AddHttpClient(clientName);
        }

        services.AddSingleton(new Marker(clientName));
        var builder = services.AddHttpClient(clientName)
            .ConfigureHttpClient((sp, client) => GenProPipeline.Configure(client, OptionsOf(sp, optionsName)))
            .ConfigurePrimaryHttpMessageHandler(GenProPipeline.CreatePrimaryHandler)

            // The singleton client keeps its HttpClient, and with it this handler chain, for the life of the host, so
            // the factory's rotation would never reach it; DNS changes are picked up by the primary handler's
            // PooledConnectionLifetime instead. An infinite lifetime also spares the factory's expiry timers.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)

            // The factory's default loggers go: its innermost one sees the key (stamped below the policy) and, although
            // RedactLoggedHeaders masks it in the message, passes the raw header values in the log's structured state,
            // which structured sinks export. The SDK's own logs cover start, end and retries. Should a user add the
            // default logger back, the message at least stays redacted.
            .RemoveAllLoggers()
            .RedactLoggedHeaders([ApiKeyHandler.HeaderName]);

        // Outermost first, as in GenProPipeline: the policy, the SDK's own redirects, then the key (so a retried attempt
        // and every redirect hop is stamped again, and a hop to another origin goes without the key).
        builder.AddResilienceHandler(GenProResilience.PipelineName, (pipeline, context) =>
            GenProResilience.Configure(
                pipeline,
                OptionsOf(context.ServiceProvider, optionsName),
                context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System,
                LoggerOf(context.ServiceProvider)));
        builder.AddHttpMessageHandler(static () => new RedirectHandler());
        builder.AddHttpMessageHandler(sp => GenProPipeline.CreateApiKeyHandler(OptionsOf(sp, optionsName), KeyOf(sp, optionsName), inner: null));

        if (name is null)
        {
            services.AddSingleton<IGenProClient>(sp => Create(sp, clientName, optionsName));
            services.AddSingleton(static sp => sp.GetRequiredService<IGenProClient>().Agents);
            services.AddSingleton(static sp => sp.GetRequiredService<IGenProClient>().Avatars);
        }
        else
        {
            services.AddKeyedSingleton<IGenProClient>(name, (sp, _) => Create(sp, clientName, optionsName));
            services.AddKeyedSingleton(name, static (sp, key) => sp.GetRequiredKeyedService<IGenProClient>(key).Agents);
            services.AddKeyedSingleton(name, static (sp, key) => sp.GetRequiredKeyedService<IGenProClient>(key).Avatars);
        }

        return builder;
    }

    private static GenProClient Create(IServiceProvider sp, string clientName, string optionsName) =>
        new(sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName), OptionsOf(sp, optionsName), KeyOf(sp, optionsName), LoggerOf(sp));

    /// <summary>The key as configuration says now: read per request, so a reload rotates it (<c>IOptionsMonitor</c>).</summary>
    private static Func<string?> KeyOf(IServiceProvider sp, string optionsName)
    {
        var monitor = sp.GetRequiredService<IOptionsMonitor<GenProClientOptions>>();
        return () => monitor.Get(optionsName).ApiKey;
    }

    private static GenProClientOptions OptionsOf(IServiceProvider sp, string optionsName) =>
        sp.GetRequiredService<IOptionsMonitor<GenProClientOptions>>().Get(optionsName);

    private static ILogger LoggerOf(IServiceProvider sp) => GenProClient.CreateLogger(sp.GetService<ILoggerFactory>());

    /// <summary>Records that a client name already has its pipeline.</summary>
    private sealed record Marker(string ClientName);
}
