import Mustache
import Workflow

/// Placeholder entry point of the act-template module; the full engine arrives with the acts issue.
public enum TemplateEngineInfo {
    /// Renders a Mustache template string with a dictionary context (HTML-escaped values).
    public static func render(_ template: String, _ context: [String: String]) throws -> String {
        try MustacheTemplate(string: template).render(context)
    }
}
