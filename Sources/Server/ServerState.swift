import Foundation
import ArchiveIndex
import Search
import Hummingbird
import Logging
import Tagging

/// What the routes share: configuration, the archive, users and sessions, the audit log, the
/// templates, labels and the import job. Everything here is immutable or locked.
final class ServerState: Sendable {
    let configuration: ServerConfiguration
    let archive: Archive
    let access: Access
    let audit: AuditLog
    let views: Views
    let labels: Labels
    let importJob: ImportJob
    let staticFolder: URL

    init(configuration: ServerConfiguration, logger: Logger) async throws {
        self.configuration = configuration
        let folder = configuration.domainFolder
        var domain: DomainData?
        var inflections = InflectionFamilies.empty
        if let folder {
            do { domain = try DomainData.load(from: folder) } catch { logger.error("domain data not loaded from \(folder.path): \(error)") }
            inflections = (try? InflectionFamilies.load(from: folder.appendingPathComponent("inflections.txt"))) ?? .empty
        } else {
            logger.warning("Domain/ not found: Swedish labels, synonyms and web imports are unavailable")
        }
        archive = Archive(indexPath: configuration.indexPath, domain: domain, inflections: inflections)
        access = Access(users: UserStore(path: configuration.usersPath))
        audit = AuditLog(path: configuration.auditPath)
        views = try await Views()
        labels = Labels(domain: domain)
        importJob = ImportJob(indexPath: configuration.indexPath, domainFolder: folder, domain: domain,
                              workerExecutable: configuration.workerExecutable)
        guard let staticFolder = Bundle.module.url(forResource: "Static", withExtension: nil) else {
            throw ArkivError(.internalServerError, "static files missing from the server's resources")
        }
        self.staticFolder = staticFolder
        if access.openMode {
            logger.warning("OPEN MODE: no users file at \(configuration.usersPath); everyone is an anonymous läsare (personnummer masked, no imports). Create an admin with `arkiv users add NAME --role admin`.")
        }
    }

    func layout(_ title: String, _ context: ArkivRequestContext, section: String = "") -> Layout {
        Layout(title: title, user: context.user, openMode: access.openMode, section: section)
    }

    func audit(_ action: String, _ target: String, _ user: User, _ context: ArkivRequestContext) {
        audit.record(action, target: target, user: user, client: context.client)
    }
}
