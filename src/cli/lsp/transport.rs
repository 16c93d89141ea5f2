//! The server's standard input and output. lsp-server's own stdio threads end the session
//! on the first message they cannot read; an editor (or a user's script) that sends one
//! malformed message must get an error back and a server that goes on, so regc reads
//! the stream itself: a bounded header, a bounded body, JSON that does not parse answered
//! with a JSON-RPC parse error (-32700), a message of the wrong shape with -32600.

use std::io::{self, BufRead, Read, Write};
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{Connection, Message};

/// The longest header line read; a longer one is not a header.
const MAX_HEADER_LINE: usize = 8 * 1024;
/// The largest message taken: an open document may be as large as regc reads a file
/// (`--max-file-size`), escaped in JSON. A larger one is read past and refused.
const MAX_BODY: u64 = 600 * 1024 * 1024;

/// A connection over this process's standard input and output, and the thread that
/// writes (joined at the end, so that the last response is flushed).
pub fn stdio() -> (Connection, JoinHandle<()>) {
    let (to_server, from_client) = crossbeam_channel::unbounded::<Message>();
    let (to_client, from_server) = crossbeam_channel::unbounded::<Message>();
    // Not joined: it may be blocked reading input when the session ends.
    let _reader = std::thread::spawn(move || read_all(io::stdin().lock(), &to_server));
    let writer = std::thread::spawn(move || write_all(&from_server));
    (
        Connection {
            sender: to_client,
            receiver: from_client,
        },
        writer,
    )
}

fn write_all(messages: &Receiver<Message>) {
    for message in messages {
        if message.write(&mut io::stdout().lock()).is_err() {
            return;
        }
    }
}

/// What one read gave.
enum Read1 {
    Message(Message),
    /// A message that could not be taken: the error to answer it with.
    Refused(i32, String),
    End,
}

fn read_all(mut input: impl BufRead, server: &Sender<Message>) {
    loop {
        match read_one(&mut input) {
            Ok(Read1::Message(message)) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if server.send(message).is_err() || exit {
                    return;
                }
            }
            Ok(Read1::Refused(code, why)) => refuse(code, &why),
            Ok(Read1::End) | Err(_) => return,
        }
    }
}

/// An error response with no id (the request could not be read), written directly.
fn refuse(code: i32, why: &str) {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": {"code": code, "message": why},
    })
    .to_string();
    let mut out = io::stdout().lock();
    let _ = write!(out, "Content-Length: {}\r\n\r\n{body}", body.len());
    let _ = out.flush();
}

fn read_one(input: &mut impl BufRead) -> io::Result<Read1> {
    let mut length: Option<u64> = None;
    let mut any_header = false;
    loop {
        let mut line = Vec::new();
        let read = input
            .by_ref()
            .take(MAX_HEADER_LINE as u64)
            .read_until(b'\n', &mut line)?;
        if read == 0 {
            return Ok(Read1::End);
        }
        if !line.ends_with(b"\n") && line.len() >= MAX_HEADER_LINE {
            // Not a header: skip the rest of the line.
            skip_line(input)?;
            return Ok(Read1::Refused(
                -32700,
                "a header line longer than 8 KiB".into(),
            ));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if any_header {
                break;
            }
            continue;
        }
        any_header = true;
        if let Some((name, value)) = text.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let Some(length) = length else {
        return Ok(Read1::Refused(
            -32700,
            "a message without a valid Content-Length header".into(),
        ));
    };
    if length > MAX_BODY {
        io::copy(&mut input.by_ref().take(length), &mut io::sink())?;
        return Ok(Read1::Refused(
            -32700,
            format!("a message of {length} bytes, more than regc lsp takes"),
        ));
    }
    let mut body = Vec::new();
    input.by_ref().take(length).read_to_end(&mut body)?;
    if (body.len() as u64) < length {
        return Ok(Read1::End);
    }
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            return Ok(Read1::Refused(
                -32700,
                format!("the message is not JSON: {e}"),
            ));
        }
    };
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Ok(Read1::Message(message)),
        Err(e) => Ok(Read1::Refused(
            -32600,
            format!("not a JSON-RPC request, response or notification: {e}"),
        )),
    }
}

fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|b| *b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buffer.len();
                input.consume(n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reads(input: &str) -> Vec<String> {
        let mut input = io::Cursor::new(input.as_bytes().to_vec());
        let mut out = Vec::new();
        loop {
            match read_one(&mut input).unwrap() {
                Read1::Message(m) => {
                    out.push(format!("message {}", serde_json::to_string(&m).unwrap()))
                }
                Read1::Refused(code, _) => out.push(format!("refused {code}")),
                Read1::End => return out,
            }
        }
    }

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn malformed_messages_are_refused_and_reading_goes_on() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = [
            framed("{not json"),
            framed("[]"),
            framed(r#"{"jsonrpc":"2.0"}"#),
            framed(r#"{"jsonrpc":"2.0","method":"x","params":{"t":"\ud800"}}"#),
            "X-Junk: 1\r\n\r\n".to_string(),
            framed(good),
        ]
        .concat();
        let seen = reads(&input);
        assert_eq!(
            seen[..5],
            [
                "refused -32700",
                "refused -32600",
                "refused -32600",
                "refused -32700",
                "refused -32700"
            ]
        );
        assert!(seen[5].starts_with("message "), "{seen:?}");
        assert_eq!(seen.len(), 6);
    }

    #[test]
    fn an_oversized_length_is_read_past_not_allocated() {
        let input = format!("Content-Length: 99999999999\r\n\r\n{}", "x".repeat(10));
        assert_eq!(
            reads(&input),
            ["refused -32700"],
            "the stream ends inside the body"
        );
    }
}
