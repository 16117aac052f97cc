using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>How a bad setting reaches the user on each construction path, and the checks every refusal must pass.</summary>
public static class Refusals
{
    /// <summary>
    /// Builds a client the <paramref name="path"/> way and returns the refusal: <see cref="ArgumentException"/>
    /// (<c>options</c>) from the constructor, <see cref="OptionsValidationException"/> when DI resolves the client.
    /// Null when the options were accepted (the client is then disposed).
    /// </summary>
    public static Exception? OfOptions(string path, GenProClientOptions options)
    {
        try
        {
            ClientPaths.Create(path, options).Dispose();
            return null;
        }
        catch (ArgumentException e) when (path == ClientPaths.Constructed)
        {
            e.ParamName.Should().Be("options");
            return e;
        }
        catch (OptionsValidationException e) when (path == ClientPaths.DependencyInjection)
        {
            return e;
        }
    }

    /// <summary>Asserts <paramref name="act"/> throws an <see cref="ArgumentException"/> (or subtype) with <paramref name="paramName"/> and returns it.</summary>
    public static ArgumentException Refused(Action act, string paramName)
    {
        var e = FluentActions.Invoking(act).Should().Throw<ArgumentException>().Which;
        e.ParamName.Should().Be(paramName);
        return e;
    }

    /// <inheritdoc cref="Refused(Action, string)"/>
    public static ArgumentException Refused(Func<Task> act, string paramName)
    {
        var e = FluentActions.Awaiting(act).Should().ThrowAsync<ArgumentException>().GetAwaiter().GetResult().Which;
        e.ParamName.Should().Be(paramName);
        return e;
    }
}
