using GenPro.Sdk.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
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

        GenProStartupValidation.Register(services, optionsName, name);

        // A second call for the same name returns the same builder; adding handlers again would stack two policies.
        if (services.Any(d => d.ServiceType == typeof(GenProClientName) && d.ImplementationInstance is GenProClientName n && n.Name == clientName))
        {
            return services.AddHttpClient(clientName);
        }

        services.AddSingleton(new GenProClientName(clientName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, RedirectSafePrimaryHandlerFilter>());
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
            .RedactLoggedHeaders([ApiKeyStamp.HeaderName]);

        // Host-wide defaults (ConfigureHttpClientDefaults, as .NET Aspire's ServiceDefaults add a standard resilience
        // handler) are applied before any named client's configuration, whatever order the host registers them in, so
        // this removes theirs: a second policy would retry POSTs the SDK never retries and cut uploads at its own
        // attempt timeout. Then the SDK's handlers go in front of whatever the defaults added, so a host-wide handler
        // of the user's runs inside the SDK's policy, once per attempt, like one added to the returned builder.
        // Experimental (EXTEXP0001) in 10.11.0, yet the package's supported way: the version is pinned in
        // Directory.Packages.props and HostDefaultsTests fail should an upgrade change what it removes.
#pragma warning disable EXTEXP0001
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
        {
            var sdk = GenProPipeline.CreateHandlers(
                OptionsOf(sp, optionsName), KeyOf(sp, optionsName), TimeOf(sp), sp.GetService<ILoggerFactory>());
            for (var i = 0; i < sdk.Length; i++)
            {
                handlers.Insert(i, sdk[i]);
            }
        });

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
        new(sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName), OptionsOf(sp, optionsName), KeyOf(sp, optionsName), LoggerOf(sp), TimeOf(sp));

    /// <summary>The host's clock when it registers one (tests do), for the whole-call timeout and the policy alike.</summary>
    private static TimeProvider TimeOf(IServiceProvider sp) => sp.GetService<TimeProvider>() ?? TimeProvider.System;

    /// <summary>The key as configuration says now: read per request, so a reload rotates it (<c>IOptionsMonitor</c>).</summary>
    private static Func<string?> KeyOf(IServiceProvider sp, string optionsName)
    {
        var monitor = sp.GetRequiredService<IOptionsMonitor<GenProClientOptions>>();
        return () => monitor.Get(optionsName).ApiKey;
    }

    private static GenProClientOptions OptionsOf(IServiceProvider sp, string optionsName) =>
        sp.GetRequiredService<IOptionsMonitor<GenProClientOptions>>().Get(optionsName);

    private static ILogger LoggerOf(IServiceProvider sp) => GenProClient.CreateLogger(sp.GetService<ILoggerFactory>());
}
