package io.bedrockbinding.emulator;

/** STS GetCallerIdentity over the query protocol: a form body in, XML out. */
final class StsApi {

	private final String account;

	StsApi(String account) {
		this.account = account;
	}

	Answer getCallerIdentity(Call call) {
		String requestId = Answers.requestId();
		String xml = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
				+ "  <GetCallerIdentityResult>\n" + "    <Arn>"
				+ Answers.escape(Arns.caller(call.region(), this.account)) + "</Arn>\n"
				+ "    <UserId>AIDALOCALBEDROCKUSER</UserId>\n" + "    <Account>" + this.account + "</Account>\n"
				+ "  </GetCallerIdentityResult>\n" + "  <ResponseMetadata>\n" + "    <RequestId>" + requestId
				+ "</RequestId>\n" + "  </ResponseMetadata>\n" + "</GetCallerIdentityResponse>\n";
		return Answers.xml(xml, requestId);
	}

}
