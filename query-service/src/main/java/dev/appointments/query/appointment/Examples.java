package dev.appointments.query.appointment;

/**
 * Example bodies for the OpenAPI document.
 */
final class Examples {

    static final String APPOINTMENT = """
            {"appointmentId": "5b0c2a57-3c1e-3b7e-9d0a-2f4b6f1a9c11", "providerId": "dr-grey",
             "patientId": "0f8e4c61-7d2b-4c55-a3d1-8e9b0a6c2d47", "appointmentDate": "2026-12-01",
             "startTime": "09:30", "endTime": "10:00", "timeZone": "America/New_York",
             "startsAt": "2026-12-01T14:30:00Z", "endsAt": "2026-12-01T15:00:00Z", "durationMinutes": 30,
             "notes": "first visit", "status": "CONFIRMED", "createdAt": "2026-11-20T10:00:00Z",
             "updatedAt": "2026-11-20T10:00:01Z", "version": 2,
             "history": [
               {"at": "2026-11-20T10:00:00Z", "to": "REQUESTED", "cause": "req-7f3a"},
               {"at": "2026-11-20T10:00:01Z", "from": "REQUESTED", "to": "CONFIRMED", "cause": "auto-confirm"}]}
            """;

    static final String LIST = """
            {"items": [ {"appointmentId": "5b0c2a57-3c1e-3b7e-9d0a-2f4b6f1a9c11", "providerId": "dr-grey",
                         "patientId": "0f8e4c61-7d2b-4c55-a3d1-8e9b0a6c2d47", "appointmentDate": "2026-12-01",
                         "startTime": "09:30", "endTime": "10:00", "timeZone": "America/New_York",
                         "startsAt": "2026-12-01T14:30:00Z", "endsAt": "2026-12-01T15:00:00Z",
                         "durationMinutes": 30, "status": "REQUESTED", "createdAt": "2026-11-20T10:00:00Z",
                         "updatedAt": "2026-11-20T10:00:00Z", "version": 1, "history": [{"at": "2026-11-20T10:00:00Z", "to": "REQUESTED", "cause": "req-7f3a"}]} ],
             "limit": 1,
             "nextCursor": "eyJhcHBvaW50bWVudElkIjoiNWIwYyIsInBhdGllbnRJZCI6IjBmOGUiLCJzdGFydHNBdCI6IjIwMjYtMTItMDFUMTQ6MzA6MDBaIn0"}
            """;

    static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "There is no appointment 5b0c2a57-3c1e-3b7e-9d0a-2f4b6f1a9c11.",
             "instance": "/api/appointments/5b0c2a57-3c1e-3b7e-9d0a-2f4b6f1a9c11"}
            """;

    static final String BAD_LIMIT = """
            {"type": "about:blank", "title": "Bad request parameter", "status": 400,
             "detail": "Parameter 'limit' must be between 1 and 200, not 500.", "parameter": "limit",
             "instance": "/api/appointments"}
            """;

    private Examples() {
    }

}
