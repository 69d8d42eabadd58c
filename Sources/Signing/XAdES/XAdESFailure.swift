/// A XAdES verification that ends without a verdict: a fatal document-level code
/// (`CONTENT_MISSING`, `XML_MALFORMED`, `INTERNAL_ERROR`) with an Italian detail.
struct XAdESFailure: Error, Sendable {
    let code: VerificationCode
    let detail: String

    /// A construct the verifier cannot evaluate (missing mandatory XML-DSig element, C14N refused).
    static func internalError(_ detail: String) -> XAdESFailure {
        XAdESFailure(code: .internalError, detail: detail)
    }
}
