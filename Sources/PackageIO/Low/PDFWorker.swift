import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Poppler has no limits of its own: a PDF whose content stream inflates to gigabytes keeps it
/// busy for minutes. So the command line reads each PDF in a child process of its own binary
/// (`dossier __pdf-worker`), which limits its own CPU time and memory (`setrlimit`) before it
/// reads the file from standard input, and writes what it read as JSON. A child the kernel stops
/// is a file that costs too much; the parent goes on.
public enum PDFWorker {
    /// The executable that answers to `__pdf-worker` (the `dossier` binary); nil: read in-process.
    nonisolated(unsafe) public static var executable: String?

    public static let argument = "__pdf-worker"

    /// What the worker writes: the content, or why the file could not be read.
    struct Answer: Codable {
        var content: PDFContent?
        var error: Failure?
    }

    enum Failure: Codable {
        case encrypted
        case damaged(String)
        case tooManyPages(count: Int, limit: Int)
        case textTooLarge(limit: Int)

        init?(_ error: ReadError) {
            switch error.kind {
            case .encryptedPDF: self = .encrypted
            case .damagedPDF(let detail): self = .damaged(detail)
            case .tooManyPages(let count, let limit): self = .tooManyPages(count: count, limit: limit)
            case .pdfTextTooLarge(let limit): self = .textTooLarge(limit: limit)
            default: return nil
            }
        }

        var error: ReadError {
            switch self {
            case .encrypted: ReadError(.encryptedPDF)
            case .damaged(let detail): ReadError(.damagedPDF(detail))
            case .tooManyPages(let count, let limit): ReadError(.tooManyPages(count: count, limit: limit))
            case .textTooLarge(let limit): ReadError(.pdfTextTooLarge(limit: limit))
            }
        }
    }

    static func read(_ bytes: [UInt8], limits: ReadLimits, executable: String) throws -> PDFContent {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [argument, "\(limits.maxPDFSeconds)", "\(limits.maxPDFMemory)", "\(limits.maxPDFPages)", "\(limits.maxPDFText)",
                             "\(limits.maxXMLNodes)", "\(limits.maxFileSize)"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ReadError(.damagedPDF("\(error)"))
        }
        // The worker reads all of its input before it writes: no deadlock between the pipes.
        try? input.fileHandleForWriting.write(contentsOf: Data(bytes))
        try? input.fileHandleForWriting.close()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal || process.terminationStatus != 0 {
            throw ReadError(.pdfTooCostly(seconds: limits.maxPDFSeconds, mebibytes: Int(limits.maxPDFMemory >> 20)))
        }
        guard let decoded = try? JSONDecoder().decode(Answer.self, from: answer) else {
            throw ReadError(.pdfTooCostly(seconds: limits.maxPDFSeconds, mebibytes: Int(limits.maxPDFMemory >> 20)))
        }
        if let failure = decoded.error { throw failure.error }
        guard let content = decoded.content else { throw ReadError(.damagedPDF("?")) }
        return content
    }

    /// The worker's side: `arguments` are those after `__pdf-worker`. Returns the exit status.
    public static func serve(_ arguments: [String]) -> Int32 {
        let numbers = arguments.compactMap { Int64($0) }
        guard numbers.count == 6 else { return 2 }
        var limits = ReadLimits()
        limits.maxPDFSeconds = Int(numbers[0])
        limits.maxPDFMemory = numbers[1]
        limits.maxPDFPages = Int(numbers[2])
        limits.maxPDFText = Int(numbers[3])
        limits.maxXMLNodes = Int(numbers[4])
        limits.maxFileSize = numbers[5]
        // The kernel ends this process past its CPU time (SIGXCPU, then SIGKILL) and refuses
        // memory past its data limit.
        var cpu = rlimit(rlim_cur: rlim_t(limits.maxPDFSeconds), rlim_max: rlim_t(limits.maxPDFSeconds + 1))
        var data = rlimit(rlim_cur: rlim_t(limits.maxPDFMemory), rlim_max: rlim_t(limits.maxPDFMemory))
        guard setrlimit(RLIMIT_CPU_VALUE, &cpu) == 0, setrlimit(RLIMIT_DATA_VALUE, &data) == 0 else { return 3 }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard Int64(input.count) <= limits.maxFileSize else { return 4 }
        var answer = Answer()
        do {
            answer.content = try PDFFile.readHere(Array(input), limits: limits)
        } catch let error as ReadError {
            guard let failure = Failure(error) else { return 5 }
            answer.error = failure
        } catch {
            return 5
        }
        guard let json = try? JSONEncoder().encode(answer) else { return 6 }
        FileHandle.standardOutput.write(json)
        return 0
    }

    #if canImport(Glibc)
    static let RLIMIT_CPU_VALUE = __rlimit_resource_t(RLIMIT_CPU.rawValue)
    static let RLIMIT_DATA_VALUE = __rlimit_resource_t(RLIMIT_DATA.rawValue)
    #else
    static let RLIMIT_CPU_VALUE = RLIMIT_CPU
    static let RLIMIT_DATA_VALUE = RLIMIT_DATA
    #endif
}
