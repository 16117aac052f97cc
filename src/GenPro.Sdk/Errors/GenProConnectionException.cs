namespace GenPro.Sdk;

/// <summary>
/// No usable answer came from the API: the connection failed or broke, the request timed out, or the circuit
/// breaker was open. Retries (where the policy allows them) have already been made when this is thrown.
/// </summary>
public sealed class GenProConnectionException : GenProException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The transport or policy exception behind it.</param>
    public GenProConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
