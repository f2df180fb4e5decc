import Foundation
import Glibc

/// The day a large frab XML file opens on, read before the rest: the file up to its first
/// `<day>`, that one day and a closing `</schedule>` are cut out of it and read by
/// `FrabXMLReader` like any file, so the browser can draw its first screen while the whole file
/// is still being read on the other core (a 20,000-session file is 41 MB; one of its days a
/// quarter of that).
///
/// Only a first screen: the whole file's read replaces it and is the one that counts (for
/// warnings, change marks, sessions that run over several days). Its keys are already the
/// whole file's (`FrabXMLEventIDs`), so a star made on it stays. Anything unusual (no
/// `<conference>` before the days, a day without a date, a cut that does not read, an event
/// without an id) gives nil, and the browser waits for the whole file as it always did.
public enum FrabXMLReadAhead {
    /// Below this a file is read whole as fast as one of its days (38C3 is 2.2 MB).
    public static let minimumBytes = 4 << 20

    /// `minimumBytes`: smaller files give nil (tests pass a smaller size).
    /// The day (today when the file has a day of that date, else its first day) and an empty
    /// day for every other date the file's `<day>` tags state, so every day's tab is there.
    /// `spill`: where the day's long texts go as they are found (`TextSpill`): they are held
    /// while the whole file is read, and the whole's texts go there too.
    public static func read(path: String, now: Date, minimumBytes: Int = minimumBytes,
                            spill: () -> TextSpill? = { nil }) -> OpeningDay? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              info.st_size >= minimumBytes, info.st_size <= ScheduleFile.maxBytes,
              let head = read(descriptor, [0..<64]), ScheduleFormat.sniff(head) == .xml else { return nil }
        let size = Int(info.st_size)
        // Keys need the whole file (a guid or id unique in the day may repeat on another):
        // its events are searched on the other core meanwhile.
        let repeats = FrabXMLEventIDs.Background(descriptor: descriptor, size: size)
        defer { repeats.stop() }
        var scan = FrabXMLDayTags(descriptor: descriptor, size: size)
        guard let first = scan.next(), first.date != nil,
              let header = read(descriptor, [0..<first.offset]),
              header.withUnsafeBytes({ FrabXMLDayTags.index(of: "<conference", in: $0, from: 0) != nil }) else { return nil }
        let closing = Data("\n</schedule>\n".utf8)
        // The conference alone: its zone and day change say which date today is, and its first
        // and last day how far to search, without searching the whole file for its days.
        guard let conference = try? FrabXMLReader.read(header + closing, file: path).conference else { return nil }
        let today = venueDate(now, conference)
        var tags = [first]
        let stated = statedDates(conference)
        if let stated {
            if stated.contains(today) {
                while tags.last?.date != today, let tag = scan.next() { tags.append(tag) }
            }
        } else {
            while let tag = scan.next() { tags.append(tag) }
        }
        guard tags.allSatisfy({ $0.date != nil }) else { return nil }
        let day = tags.firstIndex { $0.date == today } ?? 0
        if day + 1 == tags.count, let tag = scan.next() { tags.append(tag) }
        let last = day + 1 == tags.count
        let end = last ? size : tags[day + 1].offset
        guard tags[day].offset < end, let bytes = read(descriptor, [tags[day].offset..<end]),
              let opened = FrabXMLDayHalves.read(header: header, day: bytes, last: last, file: path, repeated: repeats.result,
                                                 spill: spill),
              !opened.sessions.isEmpty else { return nil }
        // Tabs for the days seen; past the last one seen, for the dates the conference states.
        let seen = tags.compactMap(\.date)
        let lastSeen = seen.last.flatMap(ConferenceDay.dayNumber) ?? .min
        let later = (stated ?? []).filter { (ConferenceDay.dayNumber($0) ?? .min) > lastSeen }
        // Today by the zone and day change the day's own sessions and times give (the header
        // alone may not name a zone): a day that is not the one the whole file would open on
        // is not shown.
        guard let date = tags[day].date.flatMap(ConferenceDay.dayNumber), let todayNumber = ConferenceDay.dayNumber(today) else { return nil }
        return OpeningDay(opened, date: date, otherDates: seen + later, today: todayNumber, now: now)
    }

    /// The date at `now` by the venue's clock, the day change taken off (`DaySpec.today`).
    private static func venueDate(_ now: Date, _ conference: Conference) -> DateComponents {
        let (y, m, d) = LocalDateTime.civilFromDays(DaySpec.today(at: now, in: conference))
        return DateComponents(year: y, month: m, day: d)
    }

    /// Every date from the conference's stated first day to its last (at most a year of them).
    private static func statedDates(_ conference: Conference) -> [DateComponents]? {
        guard let start = conference.startDate.flatMap(ConferenceDay.dayNumber),
              let end = conference.endDate.flatMap(ConferenceDay.dayNumber), start <= end, end - start < 366 else { return nil }
        return (start...end).map { number in
            let (y, m, d) = LocalDateTime.civilFromDays(number)
            return DateComponents(year: y, month: m, day: d)
        }
    }

    /// The bytes of `ranges` of the file, one after the other.
    private static func read(_ descriptor: Int32, _ ranges: [Range<Int>]) -> Data? {
        var out = Data(count: ranges.reduce(0) { $0 + $1.count })
        var done = 0
        for range in ranges {
            var from = range.lowerBound
            while from < range.upperBound {
                let got = out.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, range.upperBound - from, off_t(from)) }
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { return nil }
                done += got
                from += got
            }
        }
        return out
    }
}
