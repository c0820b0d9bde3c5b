//! The request-response codec of `/ncen/exchange/1`: one CBOR message per stream, read with a
//! size limit in front and decoded with a depth limit. An oversized or malformed request is not a
//! stream error (libp2p would drop it silently) but an [`Incoming::Invalid`] request, so that the
//! node can refuse it, audit it and count it against the sender.

use std::io;

use futures::prelude::*;
use libp2p::StreamProtocol;
use ncen_protocol::cbor::{self, Limits};
use ncen_protocol::wire::{self, Request, Response};

/// A request as read from a stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    Valid(Request),
    /// Too large, not CBOR, too deep, or not a request: why.
    Invalid(String),
}

/// Encodes and decodes [`Request`] and [`Response`] under the wire limits.
#[derive(Debug, Clone, Default)]
pub struct ExchangeCodec;

async fn read_bounded<T, M>(io: &mut T, limits: Limits) -> io::Result<M>
where
    T: AsyncRead + Unpin + Send,
    M: serde::de::DeserializeOwned,
{
    let mut bytes = Vec::new();
    io.take(limits.max_bytes as u64 + 1).read_to_end(&mut bytes).await?;
    if bytes.len() > limits.max_bytes {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("message larger than {} bytes", limits.max_bytes),
        ));
    }
    cbor::from_slice(&bytes, limits).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))
}

async fn write_encoded<T, M>(io: &mut T, message: &M, max: usize) -> io::Result<()>
where
    T: AsyncWrite + Unpin + Send,
    M: serde::Serialize,
{
    let bytes =
        cbor::to_vec(message).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?;
    if bytes.len() > max {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("message larger than {max} bytes")));
    }
    io.write_all(&bytes).await?;
    io.close().await
}

impl libp2p::request_response::Codec for ExchangeCodec {
    type Protocol = StreamProtocol;
    type Request = Incoming;
    type Response = Response;

    async fn read_request<T>(&mut self, _: &StreamProtocol, io: &mut T) -> io::Result<Incoming>
    where
        T: AsyncRead + Unpin + Send,
    {
        match read_bounded(io, wire::REQUEST_LIMITS).await {
            Ok(request) => Ok(Incoming::Valid(request)),
            Err(e) if e.kind() == io::ErrorKind::InvalidData => Ok(Incoming::Invalid(e.to_string())),
            Err(e) => Err(e),
        }
    }

    async fn read_response<T>(&mut self, _: &StreamProtocol, io: &mut T) -> io::Result<Response>
    where
        T: AsyncRead + Unpin + Send,
    {
        read_bounded(io, wire::RESPONSE_LIMITS).await
    }

    async fn write_request<T>(&mut self, _: &StreamProtocol, io: &mut T, req: Incoming) -> io::Result<()>
    where
        T: AsyncWrite + Unpin + Send,
    {
        match req {
            Incoming::Valid(request) => write_encoded(io, &request, wire::MAX_REQUEST_BYTES).await,
            Incoming::Invalid(why) => Err(io::Error::new(io::ErrorKind::InvalidInput, why)),
        }
    }

    async fn write_response<T>(&mut self, _: &StreamProtocol, io: &mut T, res: Response) -> io::Result<()>
    where
        T: AsyncWrite + Unpin + Send,
    {
        write_encoded(io, &res, wire::MAX_RESPONSE_BYTES).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::io::Cursor;
    use libp2p::request_response::Codec;

    fn protocol() -> StreamProtocol {
        StreamProtocol::new(wire::PROTOCOL_EXCHANGE)
    }

    fn read(bytes: Vec<u8>) -> io::Result<Request> {
        match futures::executor::block_on(ExchangeCodec.read_request(&protocol(), &mut Cursor::new(bytes)))? {
            Incoming::Valid(request) => Ok(request),
            Incoming::Invalid(why) => Err(io::Error::new(io::ErrorKind::InvalidData, why)),
        }
    }

    #[test]
    fn a_request_round_trips() -> io::Result<()> {
        let mut out = Cursor::new(Vec::new());
        let req = Request::Pull { after: 7, limit: 100 };
        futures::executor::block_on(ExchangeCodec.write_request(
            &protocol(),
            &mut out,
            Incoming::Valid(req.clone()),
        ))?;
        assert_eq!(read(out.into_inner())?, req);
        Ok(())
    }

    #[test]
    fn oversized_malformed_and_deep_requests_are_refused() {
        let oversized = vec![0x40; wire::MAX_REQUEST_BYTES + 10];
        let err = read(oversized).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("larger than"), "{err}");
        assert!(read(vec![0xff, 0x00, 0x13]).is_err(), "malformed CBOR");
        assert!(read(vec![0x81; 10_000]).is_err(), "nesting far deeper than the limit");
        assert!(read(Vec::new()).is_err(), "empty stream");
        // Well-formed CBOR of the wrong shape.
        let wrong = ncen_protocol::cbor::to_vec(&("pull", 1u8)).unwrap_or_default();
        assert!(read(wrong).is_err());
    }
}
