namespace GenPro.Sdk.Testing.Tests.Infrastructure;

/// <summary>How a test reaches the fake: the in-process handler or the Kestrel server.</summary>
public enum Mode
{
    Handler,
    Server,
}
