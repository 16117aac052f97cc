using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenPro.Sdk.DependencyInjection;

/// <summary>
/// What the registrations of one service collection know about its GenPro clients: their options names and, for options
/// bound from configuration, the section's path (captured at registration, since bound options forget where they came
/// from), so that start-up validation names <c>GenPro:Marketing:ApiKey</c> rather than a C# property.
/// </summary>
internal sealed class GenProClientRegistry
{
    private readonly Dictionary<string, string?> _clientNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _configurationPaths = new(StringComparer.Ordinal);

    /// <summary>The options names of the registered clients, in registration order.</summary>
    public IEnumerable<string> OptionsNames => _clientNames.Keys;

    /// <summary>The registry of <paramref name="services"/>, added on first use; the bool says whether it was new.</summary>
    public static (GenProClientRegistry Registry, bool IsNew) Of(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(GenProClientRegistry) && descriptor.ImplementationInstance is GenProClientRegistry existing)
            {
                return (existing, false);
            }
        }

        var registry = new GenProClientRegistry();
        services.AddSingleton(registry);
        return (registry, true);
    }

    public void AddClient(string optionsName, string? clientName) => _clientNames[optionsName] = clientName;

    /// <summary>Remembers where the options of <paramref name="optionsName"/> are bound from, when that is a section.</summary>
    public void AddConfiguration(string optionsName, IConfiguration configuration)
    {
        if (configuration is IConfigurationSection { Path: { Length: > 0 } path })
        {
            _configurationPaths[optionsName] = path;
        }
    }

    public string? ConfigurationPathOf(string optionsName) => _configurationPaths.GetValueOrDefault(optionsName);

    public string? ClientNameOf(string optionsName) => _clientNames.GetValueOrDefault(optionsName);
}
