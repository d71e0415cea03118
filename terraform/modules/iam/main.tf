################################################################################
# Node role and instance profile
################################################################################

resource "aws_iam_role" "nodes" {
  name        = "${var.name}-k3s-nodes"
  description = "K3s nodes of ${var.name}: write to the archive bucket, nothing else"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "ec2.amazonaws.com" }
        Action    = "sts:AssumeRole"
      },
    ]
  })

  tags = merge({ Name = "${var.name}-k3s-nodes" }, var.tags)
}

resource "aws_iam_instance_profile" "nodes" {
  name = "${var.name}-k3s-nodes"
  role = aws_iam_role.nodes.name

  tags = merge({ Name = "${var.name}-k3s-nodes" }, var.tags)
}

################################################################################
# Archive bucket access
################################################################################

resource "aws_iam_role_policy" "archive_write" {
  count = var.enable_archive_write ? 1 : 0

  name = "${var.name}-archive-write"
  role = aws_iam_role.nodes.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # GetObject: the worker reads an existing segment's metadata (HEAD) when its conditional PUT finds the
        # key taken (a redelivered range), and make restore reads segments (docs/archive-segments.md).
        Sid      = "ReadWriteArchiveObjects"
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload"]
        Resource = "${var.archive_bucket_arn}/*"
      },
      {
        Sid      = "ListArchiveBucket"
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "s3:GetBucketLocation"]
        Resource = var.archive_bucket_arn
      },
    ]
  })
}
