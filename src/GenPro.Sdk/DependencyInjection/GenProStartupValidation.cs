using GenPro.Sdk.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GenPro.Sdk.DependencyInjection;

/// <summary>
/// Checks every GenPro client's options when the host starts and reports all their problems as one
/// <see cref="OptionsValidationException"/>. <c>ValidateOnStart</c> per client name would throw an
/// <see cref="AggregateException"/> as soon as two clients (or two names) fail, which hides the messages one level down.
/// </summary>
internal static class GenProStartupValidation
{
    public static void Register(IServiceCollection services, string optionsName, string? clientName)
    {
        RegistryOf(services).AddClient(optionsName, clientName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenProClientOptions>, GenProClientOptionsValidator>());
    }

    /// <summary>Binds the options of <paramref name="optionsName"/> and remembers the section's path for the messages.</summary>
    public static void Bind(IServiceCollection services, string optionsName, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<GenProClientOptions>(optionsName).Bind(configuration);
        RegistryOf(services).AddConfiguration(optionsName, configuration);
    }

    /// <summary>The registry of <paramref name="services"/>; made, with the one start-up check, on first use.</summary>
    private static GenProClientRegistry RegistryOf(IServiceCollection services)
    {
        var (registry, isNew) = GenProClientRegistry.Of(services);
        if (isNew)
        {
            services.AddOptions<StartupCheck>()
                .Validate<IOptionsMonitor<GenProClientOptions>, GenProClientRegistry>(static (_, monitor, registry) => ThrowIfAnyInvalid(monitor, registry))
                .ValidateOnStart();
        }

        return registry;
    }

    private static bool ThrowIfAnyInvalid(IOptionsMonitor<GenProClientOptions> monitor, GenProClientRegistry registry)
    {
        var failures = new List<string>();
        var failedNames = new List<string>();
        foreach (var optionsName in registry.OptionsNames)
        {
            try
            {
                _ = monitor.Get(optionsName);
            }
            catch (OptionsValidationException e)
            {
                failures.AddRange(e.Failures);
                failedNames.Add(optionsName);
            }
        }

        return failures.Count == 0
            ? true
            : throw new OptionsValidationException(failedNames.Count == 1 ? failedNames[0] : string.Join(", ", failedNames), typeof(GenProClientOptions), failures);
    }

    /// <summary>A stand-in whose one start-up validation checks every GenPro client at once.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1812", Justification = "Created by the options factory.")]
    private sealed class StartupCheck;
}
