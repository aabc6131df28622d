/** The commented configuration `brief init` writes: every setting, with the defaults commented out. */

/** Text of a new `briefwright.config.yaml`; `templatesDir` is set when a template was copied for editing. */
export function initialConfigText(options: { template?: string; templatesDir?: string } = {}): string {
  const t = options.template;
  return `# Briefwright configuration. Settings here override the defaults; command-line flags override
# these. Paths are relative to this file. Remove the "# " in front of a line to use it.

# Title, subtitle and publisher of the brief.
# title: "US–Pakistan relations after the withdrawal"
# subtitle: "What the recent literature says"
# organisation: "Policy Unit"
# authors: ["A. Analyst"]

# Edition date (YYYY-MM-DD). Default: SOURCE_DATE_EPOCH when set, else today.
# edition: "2026-01-05"

# Which sources to read: a folder (every .txt, .md, .pdf, .docx and .html in it) ...
# sources: sources
# ... or globs, with exclusions (an excluded folder excludes everything below it).
# sources:
#   include: ["sources/**/*.{md,txt,pdf}"]
#   exclude: ["**/draft-*", "sources/archive"]

# Where outputs go, which templates to render and in which formats (md, pdf, json).
# out: out
${t ? `templates: [${t}]` : '# templates: [briefing]'}
${options.templatesDir ? `templatesDir: ${options.templatesDir}` : '# templatesDir: templates        # your own templates; they win over built-in ones of the same name'}
# formats: [md, pdf, json]
# pageSize: A4                      # or Letter

# Fonts for the PDF (TrueType/OpenType files) and the body size in points.
# fonts:
#   regular: fonts/SourceSerif4-Regular.ttf
#   bold: fonts/SourceSerif4-Bold.ttf
#   size: 10.5                      # 7 to 14

# Analysis: how long each source summary is (in words), how many themes and key messages the
# brief has. Unset, the summaries are 200 words in model.json and each template shows as many
# words and key messages as it was made for (the briefing 5 key messages, the one-pager 4).
# summaryWords: 200
# themes: 6
# keyMessages: 5

# Actor aliases: other names for the same actor, so recommendations are grouped under one name.
# actorAliases:
#   Islamabad: Pakistan
#   Washington: United States
#   USG: United States

# Cache per-source work in .briefwright-cache/ (safe to delete; add it to .gitignore).
# cache: true

# The sources list's CSL style: apa (default), harvard1, vancouver, or a .csl file of your own.
# references:
#   style: apa

# Your corrections, kept across rebuilds. Each names an item by id or by a piece of its text that
# only it has. (A source's title, authors, date or publisher: NAME.meta.yaml beside NAME.pdf.)
# overrides:
#   drop:                      # findings, recommendations, glossary entries, timeline events
#     - "text of a finding the brief must not show"
#   pin:                       # findings that must be key messages
#     - "text of a finding"
#   themes:                    # a generated theme label: your label
#     "Regional security": "Security along the border"
`;
}
