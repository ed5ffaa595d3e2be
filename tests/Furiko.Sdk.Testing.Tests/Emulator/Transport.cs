namespace Furiko.Sdk.Testing.Tests.Emulator;

/// <summary>How a test reaches the emulator.</summary>
public enum Transport
{
    InProcess,
    Http,
}
