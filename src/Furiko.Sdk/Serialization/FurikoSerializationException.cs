namespace Furiko.Sdk.Serialization;

/// <summary>
/// Input could not be read into Furiko models: malformed JSON or YAML, a value of the wrong type, a bad
/// timestamp, or a manifest of a kind the SDK does not model. The message names where (document, JSON path,
/// line) and what was wrong (the value and what was expected).
/// </summary>
public sealed class FurikoSerializationException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public FurikoSerializationException()
        : base("The input could not be read into Furiko models.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was wrong and where.</param>
    public FurikoSerializationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What was wrong and where.</param>
    /// <param name="innerException">The parser's or serializer's own error.</param>
    public FurikoSerializationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with its location.</summary>
    /// <param name="message">What was wrong and where.</param>
    /// <param name="path">The JSON path of the offending value, for example <c>$.spec.killTimestamp</c>.</param>
    /// <param name="documentIndex">The 0-based index of the document in a multi-document manifest.</param>
    /// <param name="innerException">The parser's or serializer's own error.</param>
    public FurikoSerializationException(string message, string? path, int? documentIndex, Exception? innerException)
        : base(message, innerException)
    {
        Path = path;
        DocumentIndex = documentIndex;
    }

    /// <summary>The JSON path of the offending value (for example <c>$.spec.killTimestamp</c>), when known.</summary>
    public string? Path { get; }

    /// <summary>The 0-based index of the offending document in a multi-document manifest, when known.</summary>
    public int? DocumentIndex { get; }
}
