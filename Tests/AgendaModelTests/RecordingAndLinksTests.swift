import Foundation
import Testing
@testable import AgendaModel

/// What the publisher says of recording, streaming, feedback and links, kept by every reader.
@Suite struct RecordingAndLinksTests {
    @Test func frabXMLKeepsOptoutFeedbackVideoLinksAndAttachments() throws {
        let schedule = try readXML("""
        <?xml version="1.0"?>
        <schedule>
          <conference><title>R</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
          <day index="1" date="2024-12-27">
            <room name="Saal 1">
              <event guid="g-1" id="1">
                <date>2024-12-27T10:00:00+01:00</date><duration>00:30</duration><title>Private</title>
                <feedback_url>https://example.org/1/feedback</feedback_url>
                <links><link href="https://example.org/slides">Slides</link></links>
                <attachments><attachment href="https://example.org/paper.pdf">Paper</attachment></attachments>
                <recording><license/><optout>true</optout></recording>
              </event>
              <event guid="g-2" id="2">
                <date>2024-12-27T11:00:00+01:00</date><duration>00:30</duration><title>Public</title>
                <video_download_url>https://cdn.example.org/2.mp4</video_download_url>
                <recording><license>CC BY 4.0</license><optout>false</optout></recording>
              </event>
              <event guid="g-3" id="3">
                <date>2024-12-27T12:00:00+01:00</date><duration>00:30</duration><title>Unsaid</title>
                <feedback_url>javascript:alert(1)&#x1b;[2J</feedback_url>
              </event>
            </room>
          </day>
        </schedule>
        """)
        let (hidden, shown, unsaid) = (schedule.sessions[0], schedule.sessions[1], schedule.sessions[2])
        #expect(hidden.doNotRecord == true && schedule.isNotRecorded(hidden))
        #expect(hidden.links == [
            SessionLink(url: "https://example.org/1/feedback", kind: .feedback),
            SessionLink(title: "Slides", url: "https://example.org/slides"),
            SessionLink(title: "Paper", url: "https://example.org/paper.pdf", kind: .attachment),
        ])
        #expect(shown.doNotRecord == false && !schedule.isNotRecorded(shown))
        #expect(shown.links == [SessionLink(url: "https://cdn.example.org/2.mp4", kind: .recording)])
        #expect(unsaid.doNotRecord == nil && !schedule.isNotRecorded(unsaid))
        // Kept as written but sanitised; not a web link, so never opened or made a hyperlink.
        let odd = try #require(unsaid.links.first)
        #expect(!odd.url.unicodeScalars.contains { $0.value < 0x20 })
        #expect(!odd.isWeb)
    }

    @Test func c3vocJSONKeepsFlagsStreamsRoomPoliciesAndAttachments() throws {
        let schedule = try readJSON("""
        {"schedule": {"conference": {"title": "J", "time_zone_name": "Europe/Berlin",
          "rooms": [{"name": "Saal 1", "guid": "r1", "stream_id": "s1", "features": {"recording": "record_by_default"}},
                    {"name": "Hall", "stream_id": "https://streaming.example.org/hall"},
                    {"name": "Tent", "features": {"recording": "recording_not_possible"}}],
          "days": [{"date": "2024-12-27", "rooms": {
            "Saal 1": [{"id": 1, "guid": "a", "date": "2024-12-27T10:00:00+01:00", "duration": "00:30", "title": "Off",
                        "do_not_record": true, "do_not_stream": false, "feedback_url": "https://e.org/1/feedback",
                        "attachments": [{"url": "https://e.org/slides.pdf", "title": "Slides", "type": "slides"}]}],
            "Hall": [{"id": 2, "guid": "b", "date": "2024-12-27T10:00:00+01:00", "duration": "00:30", "title": "Live",
                      "do_not_record": false, "do_not_stream": "false"},
                     {"id": 4, "guid": "d", "date": "2024-12-27T11:00:00+01:00", "duration": "00:30", "title": "Dark",
                      "do_not_stream": true}],
            "Tent": [{"id": 3, "guid": "c", "date": "2024-12-27T10:00:00+01:00", "duration": "00:30", "title": "Tent talk",
                      "do_not_record": null}]}}]}}}
        """)
        func named(_ title: String) throws -> Session { try #require(schedule.sessions.first { $0.title == title }) }
        let off = try named("Off"), live = try named("Live"), tent = try named("Tent talk"), dark = try named("Dark")
        #expect(off.doNotRecord == true && off.doNotStream == false && schedule.isNotRecorded(off))
        #expect(off.links == [SessionLink(title: "Slides", url: "https://e.org/slides.pdf", kind: .attachment),
                              SessionLink(url: "https://e.org/1/feedback", kind: .feedback)])
        #expect(schedule.conference.roomStreams == ["Saal 1": "s1", "Hall": "https://streaming.example.org/hall"])
        #expect(schedule.conference.roomRecording == ["Saal 1": "record_by_default", "Tent": "recording_not_possible"])
        #expect(schedule.streamID(of: off) == "s1")
        #expect(live.doNotStream == false && !schedule.isNotRecorded(live))
        #expect(schedule.links(of: live) == [SessionLink(url: "https://streaming.example.org/hall", kind: .stream)])
        #expect(schedule.links(of: dark).isEmpty)   // not streamed: the room's stream is not offered
        #expect(tent.doNotRecord == nil && schedule.isNotRecorded(tent))   // the room's policy
    }

    @Test func theJSONListingCarriesThem() throws {
        let schedule = try readJSON("""
        {"schedule": {"conference": {"title": "J", "time_zone_name": "UTC",
          "rooms": [{"name": "A", "stream_id": "s1", "features": {"recording": "recording_forbidden"}}],
          "days": [{"date": "2024-12-27", "rooms": {"A": [
            {"id": 1, "guid": "a", "date": "2024-12-27T10:00:00+00:00", "duration": "00:30", "title": "T",
             "do_not_stream": true, "links": [{"url": "https://e.org/v", "title": "Video"}]}]}}]}}}
        """)
        let json = ScheduleJSONWriter.write(schedule)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let conference = try #require(object["conference"] as? [String: Any])
        #expect(conference["roomStreams"] as? [String: String] == ["A": "s1"])
        #expect(conference["roomRecording"] as? [String: String] == ["A": "recording_forbidden"])
        let session = try #require((object["sessions"] as? [[String: Any]])?.first)
        #expect(session["doNotRecord"] is NSNull)
        #expect(session["doNotStream"] as? Bool == true)
        #expect(session["notRecorded"] as? Bool == true)
        let links = try #require(session["links"] as? [[String: Any]])
        #expect(links.count == 1 && links[0]["kind"] as? String == "link" && links[0]["title"] as? String == "Video")
        #expect(links[0]["url"] as? String == "https://e.org/v")
    }

    @Test func theICalendarURLIsKept() throws {
        let schedule = try ScheduleLoader.read(Data("""
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        BEGIN:VEVENT\r
        UID:1@e\r
        DTSTART:20241227T100000Z\r
        DTEND:20241227T103000Z\r
        SUMMARY:Talk\r
        URL:https://example.org/talk/1\r
        END:VEVENT\r
        END:VCALENDAR\r

        """.utf8), file: "s.ics")
        #expect(schedule.sessions.first?.url == "https://example.org/talk/1")
    }

    @Test(arguments: ["https://e.org/a", "HTTP://e.org", "http://e.org/a?b=c;d#e"])
    func webAddresses(url: String) { #expect(SessionLink.isWeb(url)) }

    @Test(arguments: ["ftp://e.org", "javascript:alert(1)", "file:///etc/passwd", "https://", "https:///x",
                      "https://e.org/a b", "https://e.org/\u{7}", "https://e.org/\u{202E}x", "mailto:a@b"])
    func notWebAddresses(url: String) { #expect(!SessionLink.isWeb(url)) }

    @Test(.enabled(if: SharedSchedules.available, SharedSchedules.missing))
    func congress38C3MarksItsOptOutsAndFeedback() throws {
        let schedule = try SharedSchedules.load("38c3-schedule.xml")
        #expect(schedule.sessions.filter { $0.doNotRecord == true }.count == 25)
        #expect(schedule.sessions.filter { schedule.isNotRecorded($0) }.count == 25)
        let first = schedule.sessions[0]
        #expect(first.doNotRecord == nil)   // the file says nothing of recording it
        #expect(first.links.contains { $0.kind == .feedback && $0.url.hasSuffix("/feedback/") && $0.isWeb })
    }

    @Test(.enabled(if: SharedSchedules.available, SharedSchedules.missing))
    func congress35C3MarksItsDoNotRecord() throws {
        let schedule = try SharedSchedules.load("35c3-schedule.json")
        #expect(schedule.sessions.filter { $0.doNotRecord == true }.count == 44)
        #expect(schedule.sessions.filter { $0.doNotRecord == false }.count == 421)   // the rest do not say
    }
}
