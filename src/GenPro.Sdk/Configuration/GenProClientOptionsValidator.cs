using GenPro.Sdk.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GenPro.Sdk.Configuration;

/// <summary>
/// Reports the same rules the constructors enforce, from the same place (<see cref="ClientOptionsChecks"/>), each naming its
/// setting the way the user wrote it (the configuration key when bound from a section) and, for a named client, the client.
/// </summary>
internal sealed class GenProClientOptionsValidator(GenProClientRegistry registry) : IValidateOptions<GenProClientOptions>
{
    public ValidateOptionsResult Validate(string? name, GenProClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var optionsName = name ?? Options.DefaultName;
        var clientName = registry.ClientNameOf(optionsName) ?? (string.IsNullOrEmpty(optionsName) ? null : optionsName);
        var prefix = clientName is null ? string.Empty : $"GenPro client \"{clientName}\": ";
        var failures = ClientOptionsChecks.Failures(options, registry.ConfigurationPathOf(optionsName)).Select(failure => prefix + failure).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
