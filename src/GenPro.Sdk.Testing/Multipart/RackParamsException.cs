namespace GenPro.Sdk.Testing.Multipart;

/// <summary>Parameters Rack refuses (a name used both as a hash and as an array, or nested too deep): a 400 in Rails.</summary>
internal sealed class RackParamsException(string message) : Exception(message);
