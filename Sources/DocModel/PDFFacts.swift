/// What a PDF says beyond its text: pages, where its headings came from, and what a checker must
/// warn about (scripts, launch actions, embedded files, annotations, form fields).
public struct PDFFacts: Sendable, Hashable {
    /// Where the headings of the model came from.
    public enum HeadingSource: String, Sendable, Hashable, Codable {
        /// The tagged structure (H1–H6): the producer's own headings.
        case structure
        /// The bookmarks, matched to lines of the page text.
        case outline
        /// Neither: the PDF has no headings to read.
        case none
    }

    public struct PageSize: Sendable, Hashable {
        /// In points (1/72 inch).
        public var width: Double
        public var height: Double

        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    public var pageSizes: [PageSize]
    /// 1-based numbers of the pages without any text: scanned pages, or pages of pictures only.
    public var pagesWithoutText: [Int]
    public var headingSource: HeadingSource
    /// Bookmarks that could not be matched to a line of text (their headings are missing).
    public var unmatchedBookmarks: [String]
    public var version: String?
    public var javaScript: [String]
    public var launchTargets: [String]
    public var attachments: [String]
    public var annotations: Int
    public var formFields: Int

    public init(pageSizes: [PageSize] = [], pagesWithoutText: [Int] = [], headingSource: HeadingSource = .none,
                unmatchedBookmarks: [String] = [], version: String? = nil, javaScript: [String] = [], launchTargets: [String] = [],
                attachments: [String] = [], annotations: Int = 0, formFields: Int = 0) {
        self.pageSizes = pageSizes
        self.pagesWithoutText = pagesWithoutText
        self.headingSource = headingSource
        self.unmatchedBookmarks = unmatchedBookmarks
        self.version = version
        self.javaScript = javaScript
        self.launchTargets = launchTargets
        self.attachments = attachments
        self.annotations = annotations
        self.formFields = formFields
    }

    /// Every page lacks text: a scan (or pictures only); its text and signature cannot be checked.
    public var isScan: Bool { !pageSizes.isEmpty && pagesWithoutText.count == pageSizes.count }
}
