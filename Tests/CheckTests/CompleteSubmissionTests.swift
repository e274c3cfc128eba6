import Compliance
import DocModel
import Foundation
import Testing

@Suite struct CompleteSubmissionTests {
    @Test func completeSubmissionHasNoErrors() throws {
        let report = Fixtures.check(try Fixtures.completeFiles())
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.ruleID): \($0.message.nl)" })")
        #expect(report.complete)
        let submission = SubmissionLoader.load(path: "t", files: try Fixtures.completeFiles())
        #expect(submission.dossierFile?.name == "inschrijving/dossier-definitief.docx")
        #expect(submission.ueas.count == 2)
    }
}
